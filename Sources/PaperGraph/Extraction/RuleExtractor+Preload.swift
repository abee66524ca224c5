import Foundation

extension RuleExtractor {
    /// Starts loading the extractor's resources on other cores and returns at once.
    ///
    /// The model's weights, the gazetteer and the cue lexicons are separate files, and the
    /// cue patterns compile on first use. Loaded one after another on the way to the first
    /// digest, they were a tenth of the time of a one-digest ingest. A caller that starts
    /// this before opening its database has them ready, or half ready, when extraction
    /// begins; `RuleExtractor()` then waits only for what is still loading. Nothing here
    /// changes what any extraction gives.
    public static func preload() {
        DispatchQueue.global().async { _ = RelationModel.standard }
        DispatchQueue.global().async {
            // A small digest of our own, read by the rules alone, touches every lexicon and
            // pattern an entry's reading uses.
            let digest = DigestReader().read(text: warmUpDigest, path: "warm-up.md")
            _ = RuleExtractor(gazetteer: .standard, model: nil).extract(digest)
        }
    }

    static let warmUpDigest = """
        # 2000 年第 1 周技术阅读汇总

        ## 学术研究

        ### 三维重建

        #### FooNet：一个用于预热的虚构模型

        [2001.00001v1 FooNet A Feed-Forward Model](https://arxiv.org/abs/2001.00001v1)

        本文提出 FooNet（Feed-forward Object Occupancy Network），基于 BarFormer 的主干构建，使用 DINOv2 提取特征。

        实验在 ScanNet 和 KITTI 数据集上进行（AbsRel 0.05），并与 DUSt3R、MASt3R 等方法对比，优于 VGGT。

        We build on Baz-7B and compare with QuxGPT v2.5; FooNet is the successor of FooNet-Lite.
        """
}
