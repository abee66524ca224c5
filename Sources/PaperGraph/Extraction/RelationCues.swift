/// Context cues, in Chinese and English, that say how a paper relates to a name it mentions.
///
/// Each cue is checked within the clause around a mention: right before it, right after
/// it, or anywhere in the clause. The expressions and words are data, in
/// `Resources/lexicons/cues.yaml` under these names; this file says what each one means.
/// General phrasing only; nothing there names a paper.
enum RelationCues {
    /// Words just before a name the paper descends from: 基于 X, 在 X 的基础上, built on X.
    static let buildsBefore = CueLexicon.pattern("buildsBefore")
    /// A base named by its role just before the name: 基座模型（X）, 底座是 X, 教师模型 X, backbone X.
    static let baseRoleBefore = CueLexicon.pattern("baseRoleBefore")
    /// The role words of `baseRoleBefore`, as literals: checked before the expression.
    static let baseRoleWords = CueLexicon.keywords("baseRoleWords")
    /// `基于` and a description ending in a type noun before the name: 基于前代 2B 稠密模型 X.
    static let buildsEarlier = CueLexicon.pattern("buildsEarlier")
    static let buildsEarlierVerbs = CueLexicon.keywords("buildsEarlierVerbs")
    /// Words just after such a name: X 的基础上, 以 X 为骨干, X 作为语言基座, X-based.
    static let buildsAfter = CueLexicon.pattern("buildsAfter")
    /// `以 X（…）为…主干`, `以 4B 参数的 X 模型为主干`: the name is the base, a description between.
    static let baseFrameBefore = CueLexicon.pattern("baseFrameBefore")
    static let baseFrameAfter = CueLexicon.pattern("baseFrameAfter")
    /// `从 X（和 Y）蒸馏`: the paper distils from X.
    static let fromBefore = CueLexicon.pattern("fromBefore")
    static let distilAfter = CueLexicon.pattern("distilAfter")
    /// Words just before a name the paper employs: 利用 X, 借助 X, using X.
    static let usesBefore = CueLexicon.pattern("usesBefore")
    /// Words just after such a name: X 生成, X 估计, X 提取.
    static let usesAfter = CueLexicon.pattern("usesAfter")
    /// `基于 X（、Y）的流水线/工具`: what a pipeline or tool is built from is used, not built on.
    static let toolAfter = CueLexicon.pattern("toolAfter")
    /// `核心工具基于 X`: the tool is based on X, the paper uses it.
    static let toolBefore = CueLexicon.pattern("toolBefore")
    /// `A、B 等七个模型进行了评估`: the models a study runs are used.
    static let testedModelsAfter = CueLexicon.pattern("testedModelsAfter")
    /// `用/通过 X 微调`: X is how the paper fine-tunes (LoRA), not what it fine-tunes.
    static let tuneToolAfter = CueLexicon.pattern("tuneToolAfter")

    /// Anywhere in the clause: comparison with a competing method.
    static let compares = CueLexicon.keywords("compares")
    /// Around a name that is an organisation or a part of the paper's system, not an entity.
    static let notEntityAfter = CueLexicon.pattern("notEntityAfter")
    static let notEntityBefore = CueLexicon.pattern("notEntityBefore")
    /// After a known name: the name is its makers here (Qwen 团队, VGG 实验室), not the model or dataset.
    static let organisationAfter = CueLexicon.pattern("organisationAfter")

    /// Just before a name given as an example: 例如 X, 如 X, such as X. The cue that
    /// governs it is earlier in the sentence, so the sentence up to the name is read.
    static let exampleBefore = CueLexicon.pattern("exampleBefore")
    /// Before an example (现有的…工具，例如 X; 传统方法（如 X）): the examples are prior work the paper contrasts with.
    static let priorWork = CueLexicon.keywords("priorWork")
    /// `现有的轻量模型（X、Y）`: a list of prior methods in parentheses after a prior-work phrase.
    static let priorListBefore = CueLexicon.pattern("priorListBefore")
    /// `以 X、Y 为代表的方法`: representative prior methods.
    static let representativeBefore = CueLexicon.pattern("representativeBefore")
    static let representativeAfter = CueLexicon.pattern("representativeAfter")
    /// Just before a name compared against: 比 X 快, than X.
    static let comparedBefore = CueLexicon.pattern("comparedBefore")
    /// Verbs of employing anywhere before a name in its sentence (used with examples).
    static let usesVerb = CueLexicon.keywords("usesVerb")

    /// A verb of employing shortly before a name in its clause, with a description between:
    /// 利用一个强大的视频深度估计模型 X, 驱动 X 和 Y 进行….
    static let usesEarlier = CueLexicon.pattern("usesEarlier")
    /// The verbs of `usesEarlier`, as literals: checked before the expression.
    static let usesEarlierVerbs = CueLexicon.keywords("usesEarlierVerbs")
    /// `由 X（等）… 完成/提供`: X does a step of the pipeline.
    static let byAgentBefore = CueLexicon.pattern("byAgentBefore")
    static let byAgentAfter = CueLexicon.pattern("byAgentAfter")

    /// `基于 X 的方法`: X describes other work, not this paper's base.
    static let othersAfter = CueLexicon.pattern("othersAfter")

    /// Anywhere in the sentence: the name is a dataset the paper trains or evaluates on.
    static let evaluates = CueLexicon.keywords("evaluates")
    /// `在 X（等）…上`: the name is where something was measured.
    static let evaluatedBefore = CueLexicon.pattern("evaluatedBefore")
    static let evaluatedAfter = CueLexicon.pattern("evaluatedAfter")

    /// Near a name: it is a dataset or benchmark.
    static let datasetNear = CueLexicon.keywords("datasetNear")
    /// Just before a name defined in parentheses: it is a measure (相对旋转误差（RRE）).
    static let metricBefore = CueLexicon.pattern("metricBefore")
    /// A name the text calls a metric: 提出了 X 指标, the X metric.
    static let metricAfter = CueLexicon.pattern("metricAfter")
    /// Name shapes that are datasets or benchmarks.
    static let datasetName = CueLexicon.pattern("datasetName")

    /// The paper introduces a named thing: 名为 X, 称为 X, dubbed X.
    static let namedBefore = CueLexicon.pattern("namedBefore")
    /// The paper introduces a dataset or benchmark: 构建了 X 数据集, 提出 X 基准.
    static let introduces = CueLexicon.keywords("introduces")

    /// A verb of introducing shortly before a name in its clause: 提出了 X, 设计了一个…的 X,
    /// 构建了两个新的基准：X 和 Y, we propose X.
    static let introducedEarlier = CueLexicon.pattern("introducedEarlier")
    static let introducedVerbs = CueLexicon.keywords("introducedVerbs")
    /// Right after a name: a score or measure of it (（55.0%）, 25.25 dB): a compared result.
    static let scoreAfter = CueLexicon.pattern("scoreAfter")
    /// Before a name in its clause: the clause's subject is the paper itself.
    static let selfBefore = CueLexicon.keywords("selfBefore")
}
