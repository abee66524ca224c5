import Foundation
import Testing

@testable import PaperGraph

/// Relation frames and name shapes on small digests we write: each case is one sentence
/// of the kind the gold weeks showed, with invented names.
@Suite struct RelationFrameTests {
    /// A one-entry digest whose summary is `body`.
    static func digest(heading: String = "ToyNet：一个虚构的模型", body: [String]) -> Digest {
        let text = """
            # 2026 年第 2 周技术阅读汇总

            ## 学术研究

            ### 测试

            #### \(heading)

            [2601.09999v1 ToyNet A Toy Model](https://arxiv.org/abs/2601.09999v1)

            \(body.joined(separator: "\n\n"))
            """
        return DigestReader().read(text: text, path: "frames.md")
    }

    /// What the hand-written rules say of each name of the entry (model-independent).
    static func rules(_ body: String) -> [String: Set<Relation>] {
        let analysis = RuleExtractor().analyse(digest(body: [body]))
        var out: [String: Set<Relation>] = [:]
        for candidate in analysis.entries[0].result.candidates {
            out[String(candidate.entity.dropFirst("entity:".count))] = Set(candidate.rule.keys)
        }
        return out
    }

    @Test func basesNamedByTheirRoleAreBuiltOn() {
        #expect(Self.rules("ToyNet 的底座是 FooLM（一款强大的 LLM）。")["foolm"] == [.builds_on])
        #expect(Self.rules("研究者对一个强大的基座模型（BarVLM-9B）进行持续训练。")["barvlm9b"] == [.builds_on])
        #expect(Self.rules("模型以 4B 参数的 QuxVLM 视觉语言模型为主干。")["quxvlm"] == [.builds_on])
        #expect(Self.rules("底层骨干完全继承自 ZedVideo。")["zedvideo"] == [.builds_on])
        #expect(Self.rules("该模型是基于前代 2B 稠密模型 Moonlit 2 初始化而来。")["moonlit2"] == [.builds_on])
        #expect(Self.rules("它在 GrabVL（4B/8B）的基础上引入一个深度预测头。")["grabvl"] == [.builds_on])
        #expect(Self.rules("本文在 MOTKIT 框架的基础上提出自适应加权。")["motkit"] == [.builds_on])
        #expect(Self.rules("先从 TeachLM 和 MentorLM 蒸馏高质量推理轨迹。")["teachlm"] == [.builds_on])
    }

    @Test func whatAPipelineOrToolIsBasedOnIsUsed() {
        #expect(Self.rules("ToyNet 构建了一套基于 FooDet、BarSeg 和 BazMem 的强大流水线。")["foodet"] == [.uses])
        #expect(Self.rules("第二层的核心工具基于 QuxDepth，将边界框提升为三维坐标。")["quxdepth"] == [.uses])
        #expect(Self.rules("文章引入了一个基于 HexField（一种高效的时空表示）的运动学习模块。")["hexfield"] == [.uses])
        // `用 X 微调` names how the paper fine-tunes; `在 X 上通过 … 微调` what it fine-tunes.
        let tuned = Self.rules("研究者在 FooVLM-8B 上通过 LoRA 微调训练了 ToyNet。")
        #expect(tuned["lora"] == [.uses])
        #expect(tuned["foovlm8b"]?.contains(.builds_on) == true)
        // A method based on a name still builds on it.
        #expect(Self.rules("ToyNet 基于 FooDet 的架构进行扩展。")["foodet"] == [.builds_on])
    }

    @Test func aListSharesTheVerbBeforeIt() {
        // The last name stands far from 使用, but the verb governs the whole list.
        let rules = Self.rules("作者使用同一套工具重新评估 FooLM-Large-Instruct-v2、BarLM-Large-Instruct-v2 和 BazLM 的表现。")
        #expect(rules["bazlm"] == [.uses])
        #expect(rules["foolmlargeinstructv2"] == [.uses])
    }

    @Test func theModelsAStudyEvaluatesAreUsed() {
        let rules = Self.rules("论文对包括 FooLM、BarLM 和 BazLM 在内的八个顶尖模型进行了系统评估。")
        #expect(rules["foolm"] == [.uses])
        #expect(rules["bazlm"] == [.uses])
        // Models the paper is compared with stay compared.
        #expect(Self.rules("ToyNet 优于 FooLM 和 BarLM 等模型。")["foolm"] == [.compares_with])
    }

    @Test func aDescriptionIsNotARole() {
        // `视觉基础模型（…）` says what the names are, not that the paper builds on them.
        #expect(Self.rules("它将视觉基础模型（FooDet, BarSeg）作为感知引擎。")["foodet"] != [.builds_on])
    }

    @Test func examplesOfPriorWorkAreCompared() {
        #expect(Self.rules("现有的黑盒解释工具，例如 RiseX 和 ShapX，计算成本高昂。")["risex"] == [.compares_with])
        #expect(Self.rules("传统强泛化方法（如 MadiNet）在强扰动下接近崩溃。")["madinet"] == [.compares_with])
    }

    @Test func listsOfRepresentativePriorMethodsAreCompared() {
        #expect(Self.rules("现有的轻量分割模型（TinyFoo、EdgeFoo）虽然已经相对紧凑。")["edgefoo"] == [.compares_with])
        #expect(Self.rules("近年来，以 FooDepth、BarDepth 为代表的方法通过海量数据取得进展。")["foodepth"] == [.compares_with])
        // A list in parentheses with no prior-work phrase is not a comparison by itself.
        #expect(Self.rules("ToyNet 使用两个编码器（FooEnc、BarEnc）。")["fooenc"] != [.compares_with])
    }

    @Test func aDatasetTheEntryBuildsIsProposed() {
        let extraction = RuleExtractor().extract(
            Self.digest(body: ["此外，作者还新建了 FooBench-IF 基准（在相同场景中测试不同指令）。", "ToyNet 在 FooBench-IF 上领先。"]))
        #expect(extraction.edges.contains { $0.relation == .proposes && $0.target == "entity:foobenchif" })
    }

    @Test func headingThatJoinsTwoNamesProposesBoth() {
        let extraction = RuleExtractor().extract(Self.digest(heading: "ToyNet & ToyRL：可扩展强化学习", body: ["ToyNet 是一个模型。"]))
        let proposed = Set(extraction.edges.filter { $0.relation == .proposes }.map(\.target))
        #expect(proposed == ["entity:toynet", "entity:toyrl"])
        #expect(extraction.paperNames["arxiv:2601.09999"] == "ToyNet")
    }

    @Test func aHeadingThatNamesAClassIsNotThePapersName() {
        // `WAMs：…` names a class of models; the name the summary repeats is the paper's.
        let plural = RuleExtractor().extract(
            Self.digest(
                heading: "WAMs：FooZero 让世界动作模型零样本泛化",
                body: ["FooZero 是一个世界动作模型。", "实验表明 FooZero 优于此前的方法。"]))
        #expect(plural.paperNames["arxiv:2601.09999"] == "FooZero")
        #expect(!plural.edges.contains { $0.relation == .proposes && $0.target == "entity:wams" })
        // An excluded model-class acronym is not a name either; another excluded name can be (SSD).
        #expect(EntryReading.namesAClass("LALM", .standard))
        #expect(!EntryReading.namesAClass("SSD", .standard))
        #expect(!EntryReading.namesAClass("ToyNet", .standard))
    }

    @Test func introducingVerbBeforeANameIsAFeature() {
        let analysis = RuleExtractor().analyse(Self.digest(body: ["作者提出了 DisNet 和 RssNet 两个神经网络。"]))
        let features = analysis.entries[0].result.candidates.first { $0.entity == "entity:rssnet" }?.features ?? []
        #expect(features.contains("cue:introducedEarlier"))
    }
}

@Suite struct NameRecognitionTests {
    let scanner = MentionScanner()

    func names(_ text: String) -> [String] {
        scanner.mentions(in: Sentence(text: text, line: 1, codeSpans: [])).map(\.name)
    }

    @Test func aKnownNameExtendedByAWordIsANewName() {
        #expect(names("场景数达到 Nuscenes-Occupancy 的约 19 倍") == ["Nuscenes-Occupancy"])
        #expect(names("在 libero-spatial 上") == ["libero-spatial"])
    }

    @Test func aScoreAfterANameIsNotItsVersion() {
        #expect(names("picnic basket 9/10（DexNet 1/10、CapNet 0/10）") == ["DexNet", "CapNet"])
        #expect(names("超过 Unite 9.3 个点") == [])
    }

    @Test func aSplitOfAKnownDatasetIsADataset() {
        let extraction = RuleExtractor().extract(
            RelationFrameTests.digest(body: ["ToyNet 在 LIBERO-Object 与 ScanNetV2 上取得了最好的成功率。"]))
        let kinds = Dictionary(uniqueKeysWithValues: extraction.entities.map { ($0.name, $0.kind) })
        #expect(kinds["LIBERO-Object"] == .dataset)
        #expect(kinds["ScanNetV2"] == .dataset)
        #expect(Gazetteer.standard.family(of: "RoboTwin 2.0")?.name == "RoboTwin")
        #expect(Gazetteer.standard.family(of: "FooBar") == nil)
    }

    @Test func sizesAndBitWidthsAreNotNames() {
        #expect(names("在 FooLM（4B 和 30B-A3B）上进行 W4A4 与 W8A8KV8 量化") == ["FooLM"])
        #expect(names("FooLM-30B-A3B 每个 token 只激活约 3B 参数，不要将 A3B 误读为显存预算") == ["FooLM-30B-A3B"])
        #expect(names("FooLM-30B-Instruct 在难题上提升更大（30B-Instruct：+23.0pp）") == ["FooLM-30B-Instruct"])
    }

    @Test func aNameTheTextCallsAMetricIsReportedNotProposed() {
        let extraction = RuleExtractor().extract(
            RelationFrameTests.digest(body: ["为了公平评估，文章提出了 ToyScore 指标，并在 ToyBench 数据集上进行了实验。"]))
        let kinds = Dictionary(uniqueKeysWithValues: extraction.entities.map { ($0.name, $0.kind) })
        #expect(kinds["ToyScore"] == .metric)
        let toyScore = extraction.edges.filter { $0.target == "entity:toyscore" }.map(\.relation)
        #expect(toyScore == [.reports])
    }

    @Test func aPartDefinedByTheEntryNeverParentsByItsNameAlone() {
        // HRL-Nav's entry defines HRL as one of its parts (分层强化学习（HRL）).
        let extraction = RuleExtractor().extract(
            RelationFrameTests.digest(
                heading: "HRL-Nav：轮腿机器人导航", body: ["文章通过分层强化学习（HRL）框架统一导航与控制，HRL 负责高层决策。"]))
        #expect(!extraction.edges.contains { $0.relation == .derived_from && $0.target == "entity:hrl" })
    }
}

@Suite struct CueLexiconTests {
    @Test func everyCueInTheFileIsUsableAndTheCuesRead() throws {
        let contents = CueLexicon.contents
        #expect(contents.patterns.count >= 25)
        #expect(contents.keywords.count >= 8)
        for (name, text) in contents.patterns { #expect(CuePattern(checking: text) != nil, "\(name)") }
        for (name, words) in contents.keywords { #expect(!words.isEmpty, "\(name)") }
        // Read from the file, the cues behave as written (trailing spaces kept: `we ` is not `were`).
        #expect(RelationCues.buildsBefore.matches("我们基于"))
        #expect(!RelationCues.buildsBefore.matches("我们评估"))
        #expect(RelationCues.selfBefore.occurs(in: "we propose"))
        #expect(!RelationCues.selfBefore.occurs(in: "they were"))
    }

    @Test func aPatternsLeadingWordsAreReadAsItsGuard() {
        #expect(CuePattern.requiredWords(of: #"(基于|受到?|leverag\w*)\s*$"#) == ["基于", "受", "leverag"])
        #expect(CuePattern.requiredWords(of: #"(e\.g\.,?|such as|用)\s*[（(]?$"#) == ["e.g.", "such as", "用"])
        // Optional pieces before are skipped; a lookaround ends a word.
        #expect(CuePattern.requiredWords(of: #"^\s*[）)]?\s*(担任|进行(?!了?(对比|比较))|for )"#) == ["担任", "进行", "for "])
        #expect(CuePattern.requiredWords(of: #"^\s*(的|之)"#) == ["的", "之"])
        #expect(CuePattern.requiredWords(of: #"(甲|乙)?丙丁?"#) == ["丙"])
        #expect(CuePattern.requiredWords(of: #"以[^，]{0,12}$"#) == ["以"])
        // Nested groups and alternatives at the top: each alternative gives its own words.
        #expect(CuePattern.requiredWords(of: #"(甲(乙)|丙)"#) == ["甲", "丙"])
        #expect(CuePattern.requiredWords(of: #"甲|(?i)乙?(x|y)"#) == ["甲", "x", "y"])
        #expect(CuePattern.requiredWords(of: #"^\s*(的?\s*(研究)?(团队|Lab\b)|et al\b)"#) == ["团队", "Lab", "et al"])
        // A class or an escape a match must pass is passed over to the literal after it.
        #expect(CuePattern.requiredWords(of: #"([甲|乙]丙|丁)"#) == ["丙", "丁"])
        #expect(CuePattern.requiredWords(of: #"甲|\d+k$"#) == ["甲", "k"])
        #expect(CuePattern.requiredWords(of: #"[\d.]+\s*(%|dB)"#) == ["%", "dB"])
        // No guard where a match need not pass through a literal word.
        #expect(CuePattern.requiredWords(of: #"(甲|乙{0,2})丙"#) == nil)
        #expect(CuePattern.requiredWords(of: #"甲|\d+$"#) == nil)
        #expect(CuePattern.requiredWords(of: #"(?<name>甲)"#) == nil)
        #expect(CuePattern.requiredWords(of: #"\s*[（(]$"#) == nil)
    }

    /// The guard only skips the expression where it cannot match: each pattern of the file
    /// answers as the bare expression does on texts built around its own words.
    @Test func aGuardedCueAnswersAsItsExpression() throws {
        var guarded = 0
        for (name, text) in CueLexicon.contents.patterns {
            let pattern = try #require(CuePattern(checking: text))
            let expression = try NSRegularExpression(pattern: text)
            let words = CuePattern.requiredWords(of: text) ?? []
            if !words.isEmpty { guarded += 1 }
            var samples = ["", "模型", "我们提出了一个新方法", "based on the model", "在 nuScenes 上"]
            for word in words {
                samples += [word, "我们" + word, word + " ", word + "了", "方法" + word + "的", word + "模型", word.uppercased(), "（" + word + "（"]
            }
            for sample in samples {
                let bare = expression.firstMatch(in: sample, range: NSRange(sample.startIndex..., in: sample)) != nil
                #expect(pattern.matches(sample) == bare, "\(name): \(sample)")
            }
        }
        // Most `…Before` cues begin with their words: the guard is what keeps them cheap.
        #expect(guarded >= 30)
    }
}

@Suite struct WholeCorpusSanityTests {
    @Test(.enabled(if: TestPaths.hasWeek49)) func papersBuildingOnVGGTIncludeItsDescendants() throws {
        let store = try TestCorpus.store.get()
        let names = Set(try store.papers(PaperFilter(entity: "VGGT", relation: .builds_on)).compactMap(\.paper.name))
        for name in ["VGGT-Long", "FastVGGT", "QuantVGGT", "VGGT-SLAM", "InfiniteVGGT"] { #expect(names.contains(name), "\(name)") }
    }

    @Test(.enabled(if: TestPaths.hasWeek49)) func anAcronymUsedInTwoSensesIsTwoThings() throws {
        let store = try TestCorpus.store.get()
        let summaries = try store.entities()
        func aliases(_ name: String) -> Set<String> {
            Set(summaries.first { $0.entity.name == name }.map { $0.aliases.map { $0.lowercased() } } ?? [])
        }
        // Success rate and super-resolution; masked autoencoder and mean absolute error.
        #expect(summaries.contains { $0.entity.name == "SR" && $0.entity.kind == .metric })
        #expect(aliases("SR").isDisjoint(with: ["super-resolution", "scene rendering"]), "\(aliases("SR"))")
        #expect(!aliases("MAE").contains("mean angular error"), "\(aliases("MAE"))")
        #expect(summaries.contains { $0.entity.name == "MAE (Mean Absolute Error)" && $0.entity.kind == .metric })
        // Large reasoning models are a class of models, not the Large Reconstruction Model.
        let lrm = try store.papers(PaperFilter(entity: "LRM"))
        #expect(!lrm.isEmpty && lrm.count < 10, "\(lrm.count)")
    }

    @Test(.enabled(if: TestPaths.hasWeek49)) func noEntityIsACommonEnglishWord() throws {
        let store = try TestCorpus.store.get()
        var offenders: [String] = []
        for summary in try store.entities() {
            for name in [summary.entity.name] + summary.aliases where LexiconFiles.commonWords.contains(name.lowercased()) {
                // Acronyms that spell a word (PRO, TOP, SECOND, ONCE, mAP) are names as written;
                // a capitalised or lowercase word (Action, map) is not.
                if name.contains(where: \.isLowercase) && name != "mAP" { offenders.append(name) }
            }
        }
        #expect(offenders.isEmpty, "\(offenders)")
    }
}

@Suite struct AcronymSenseTests {
    static func extraction(_ body: String) -> Extraction {
        RuleExtractor().extract(RelationFrameTests.digest(body: [body]))
    }

    static func entity(_ id: String, in extraction: Extraction) -> ExtractedEntity? {
        extraction.entities.first { $0.id == id }
    }

    @Test func theWordsBeforeAnAcronymChooseItsSense() throws {
        // The gazetteer's sense: SR is a success rate.
        let rate = Self.extraction("ToyNet 的成功率（SR）达到 60%，超过 FooNav。")
        #expect(Self.entity("entity:sr", in: rate)?.kind == .metric)
        #expect(rate.edges.contains { $0.relation == .reports && $0.target == "entity:sr" })
        // Super-resolution is a task: no entity.
        let task = Self.extraction("ToyNet 在超分辨率（SR）任务上超越了 FooSR。")
        #expect(Self.entity("entity:sr", in: task) == nil, "\(task.entities.map(\.id))")
        #expect(Self.entity("entity:foosr", in: task) != nil)
        // A mean absolute error is a metric of its own, not the masked autoencoder.
        let error = Self.extraction("ToyNet 的平均绝对误差（MAE）为 0.2，优于 FooNet。")
        #expect(Self.entity("entity:mae", in: error) == nil)
        let metric = try #require(Self.entity("entity:mae(meanabsoluteerror)", in: error))
        #expect(metric.kind == .metric && metric.name == "MAE (Mean Absolute Error)" && metric.aliases.contains("MAE"))
        let method = Self.extraction("ToyNet 借鉴了掩码自编码器（MAE）的思想。")
        #expect(Self.entity("entity:mae", in: method)?.kind == .method)
    }

    @Test func anEntryThatSpeaksOfAnotherSenseKeepsItForBareMentions() {
        // No gloss beside `SR`, but the entry is about super-resolution and never success rates.
        let bare = RuleExtractor().extract(
            RelationFrameTests.digest(body: ["ToyNet 是一个任意尺度的超分辨率方法。", "它迭代地调用一个预训练的骨干 SR 模型。"]))
        #expect(Self.entity("entity:sr", in: bare) == nil, "\(bare.entities.map(\.id))")
        // The same sentence in a navigation entry keeps the gazetteer's sense.
        let nav = RuleExtractor().extract(RelationFrameTests.digest(body: ["ToyNet 的导航成功率很高。", "它在 HM3D 上的 SR 为 60%。"]))
        #expect(Self.entity("entity:sr", in: nav)?.kind == .metric)
    }

    @Test func anAcronymSpelledOutWithOtherWordsIsTheEntrysOwn() {
        // The gazetteer's SAC is Soft Actor-Critic; a Shared Anchor Cache is not it.
        let own = Self.extraction("ToyNet 提出了 Shared Anchor Cache (SAC) 来复用特征。")
        #expect(Self.entity("entity:sac", in: own) == nil, "\(own.entities.map(\.id))")
        let known = Self.extraction("ToyNet 使用 Soft Actor-Critic (SAC) 训练策略。")
        #expect(Self.entity("entity:sac", in: known) != nil, "\(known.entities.map(\.id))")
    }

    @Test func theSenseLexiconRejectsWhatItCannotUse() throws {
        #expect(AcronymSenses.standard.isAmbiguous("SR"))
        #expect(!AcronymSenses.standard.isAmbiguous("VGGT"))
        // Another sense of the gazetteer's own kind would merge back into it.
        #expect(throws: ResourceError.self) {
            try AcronymSenses(lines: ["SR | gazetteer | success rate", "SR | metric SR (Other) | other rate"], gazetteer: .standard)
        }
        // An acronym the gazetteer does not list, and an acronym with one sense.
        #expect(throws: ResourceError.self) { try AcronymSenses(lines: ["QQXZ | gazetteer | a", "QQXZ | none | b"], gazetteer: .standard) }
        #expect(throws: ResourceError.self) { try AcronymSenses(lines: ["SR | gazetteer | success rate"], gazetteer: .standard) }
        #expect(throws: ResourceError.self) { try AcronymSenses(lines: ["SR | none"], gazetteer: .standard) }
    }
}
