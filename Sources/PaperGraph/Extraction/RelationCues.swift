/// Context cues, in Chinese and English, that say how a paper relates to a name it mentions.
///
/// Each cue is checked within the clause around a mention: right before it, right after
/// it, or anywhere in the clause. General phrasing only; nothing here names a paper.
enum RelationCues {
    /// Words just before a name the paper descends from: 基于 X, 在 X 的基础上, built on X.
    static let buildsBefore = CuePattern(
        #"(灵感来源于|灵感来自|受到?|inspired by|基于|基於|建立在|构建于|建立于|借鉴了?|继承了?|继承自|沿用了?|扩展了?|改进了?|改造了?|微调了?|蒸馏了?|加速了?|直接前作|前作|源自|脱胎于|based on|built on|builds on|build on|extends|extending|fine-tunes?|fine-tuning|distills?|distilling|on top of|upon)\s*(其|的|了|一个|现有的|强大的|预训练的|经典的|标准的?|冻结的|原始的|原版的?|the|a|an|pretrained|pre-trained|frozen)?\s*$"#
    )
    /// A base named by its role just before the name: 基座模型（X）, 底座是 X, 教师模型 X, backbone X.
    static let baseRoleBefore = CuePattern(
        #"(基座|底座|骨架|教师|backbone|base model|teacher)\s*(模型|网络|LLM|VLM)?\s*(是|为|采用|选用|选择了?)?\s*[（(“"「]?\s*$"#)
    /// `基于` and a description ending in a type noun before the name: 基于前代 2B 稠密模型 X.
    static let buildsEarlier = CuePattern(
        #"(基于|基於|建立在|构建于|建立于|脱胎于|继承了?)[^，。；：,;]{0,14}(模型|网络|基座|骨干|backbone|model)\s*[（(“"「]?\s*$"#)
    /// Words just after such a name: X 的基础上, 以 X 为骨干, X 作为语言基座, X-based.
    static let buildsAfter = CuePattern(
        #"^\s*[）)]?\s*([（(][^）)]{0,30}[）)])?\s*(-based|-style|-like|的?基础上|(框架|模型|架构|网络)的?基础上|上\S{0,10}?(微调|继续训练|持续训练|后训练)|进行\S{0,8}?(微调|蒸馏)|基础|之上|为(其)?(核心)?(骨干|主干|基座|底座|基础|教师|backbone|起点)|作为(其)?(核心)?(视觉|语言|图像)?(骨干|主干|基座|底座|基础模型|教师|backbone|编码器|基石|起点|表示)|的?(前作|变体|扩展|改进版?|加速版?|蒸馏版?|微调版?)|的?\S{0,2}倍加速|加速|的?思想|的?启发|架构(?![中的])|的?图像编码器|的?(解码器|编码器|骨干网络|主干网络)(内部|中|的)|\s*(骨架|基座|底座)|\s*这样的?\S{0,6}模型内部|的?内部|的?预训练权重|上进行(微调|蒸馏|改进|扩展)|进行(微调|蒸馏|改进|扩展|加速)|模型进行(微调|蒸馏)| backbone| as (the |its )?(backbone|base|teacher|foundation))"#
    )
    /// `以 X（…）为…主干`, `以 4B 参数的 X 模型为主干`: the name is the base, a description between.
    static let baseFrameBefore = CuePattern(#"以[^，。；：,;]{0,12}$"#)
    static let baseFrameAfter = CuePattern(#"^[^，。；：,;]{0,24}?为(其)?[^，。；：,;]{0,10}?(骨干|主干|基座|底座|backbone|基础模型|初始化|起点)"#)
    /// `从 X（和 Y）蒸馏`: the paper distils from X.
    static let fromBefore = CuePattern(#"从\s*$"#)
    static let distilAfter = CuePattern(#"^[^，。；：,;]{0,24}?(中|处|那里)?\s*(蒸馏|distill)"#)
    /// Words just before a name the paper employs: 利用 X, 借助 X, using X.
    static let usesBefore = CuePattern(
        #"(利用|使用|采用|借助|调用|整合了?|引入了?|结合了?|依赖|依靠|集成了?|接入|搭配|配合|借力|选择|选用|通过|用|using|uses|use|leverag\w*|employ\w*|adopt\w*|with|via)\s*(了|一个|其|现成的|强大的|预训练的|开源的|成熟的|经典的|现有的|冻结的|如|the|a|an|pretrained|off-the-shelf)?\s*$"#
    )
    /// Words just after such a name: X 生成, X 估计, X 提取.
    static let usesAfter = CuePattern(#"^\s*[）)]?\s*(来|进行(?!了?(对比|比较))|生成|提取|估计|获取|初始化|提供|计算|预测|标注|作为|模型来|模型生成|模型提取|层|模块|for |to )"#)

    /// Anywhere in the clause: comparison with a competing method.
    static let compares = KeywordSet([
        "优于", "超越", "超过", "胜过", "领先", "相比", "相较", "对比", "比较", "基线", "baseline", "outperform", "surpass",
        "beat", "compared", "相对于", "击败", "媲美", "比肩", "持平", "匹敌", "逊于", "不及", "落后于", "竞争对手", "竞品",
        "对手", "强于", "好于", "高于", "低于", "小于", "大于", "vs", "versus", "than", "倍加速", "加速比", "speedup", "speed-up",
        "现有方案", "现有方法", "现有的方案", "现有的方法", "现有的解决方案", "现有解决方案", "现有工作", "现有的工作",
        "已有方法", "已有方案", "已有的方法", "先前方法", "先前的方法", "先前工作", "先前的工作", "以往方法", "以往的方法",
        "以往工作", "以往的工作", "existing methods", "existing approaches", "existing work", "prior methods",
        "prior work", "prior approaches",
    ])
    /// Around a name that is an organisation or a part of the paper's system, not an entity.
    static let notEntityAfter = CuePattern(#"^\s*的?\s*(研究)?(团队|实验室|公司|大学|研究院|研究所|联合|模块|组件|子模块|子网络|分支|Lab\b|Labs\b|Team\b|Inc\b|Research\b|module|block)"#)
    static let notEntityBefore = CuePattern(#"(来自|来自于)\s*$"#)

    /// Just before a name given as an example: 例如 X, 如 X, such as X. The cue that
    /// governs it is earlier in the sentence, so the sentence up to the name is read.
    static let exampleBefore = CuePattern(#"(例如|比如|譬如|诸如|包括|如|such as|e\.g\.,?|including|like)\s*[（(]?\s*$"#)
    /// Before an example (现有的…工具，例如 X; 传统方法（如 X）): the examples are prior work the paper contrasts with.
    static let priorWork = KeywordSet([
        "现有", "以往", "先前", "此前", "传统", "已有", "第一代", "主流方法", "主流的方法", "existing", "prior", "previous", "conventional",
    ])
    /// Just before a name compared against: 比 X 快, than X.
    static let comparedBefore = CuePattern(#"(比|较|than|over)\s*$"#)
    /// Verbs of employing anywhere before a name in its sentence (used with examples).
    static let usesVerb = KeywordSet(["利用", "使用", "采用", "借助", "调用", "整合", "集成", "依赖", "依靠", "using", "uses", "leverag", "employ", "adopt"])

    /// A verb of employing shortly before a name in its clause, with a description between:
    /// 利用一个强大的视频深度估计模型 X, 驱动 X 和 Y 进行….
    static let usesEarlier = CuePattern(#"(利用|使用|采用|借助|调用|驱动|送入|输入|运用|借用|集成|整合)[^，。；：,;]{0,22}$"#)
    /// The verbs of `usesEarlier`, as literals: checked before the expression.
    static let usesEarlierVerbs = KeywordSet(["利用", "使用", "采用", "借助", "调用", "驱动", "送入", "输入", "运用", "借用", "集成", "整合"])
    /// `由 X（等）… 完成/提供`: X does a step of the pipeline.
    static let byAgentBefore = CuePattern(#"由\s*$"#)
    static let byAgentAfter = CuePattern(#"^\s*[）)]?\s*(等)?\S{0,12}?(提供|生成|完成|估计|计算|获取|预测|处理|实现)"#)

    /// `基于 X 的方法`: X describes other work, not this paper's base.
    static let othersAfter = CuePattern(#"^\s*的\s*\S{0,8}?(方法|工作|方案|系统|研究|模型们|框架们|methods|approaches)"#)

    /// Anywhere in the sentence: the name is a dataset the paper trains or evaluates on.
    static let evaluates = KeywordSet([
        "测试", "评估", "评测", "实验", "验证", "结果", "sota", "性能", "指标", "训练", "微调", "evaluat", "experiment",
        "train", "test", "result", "achiev", "state-of-the-art", "outperform", "达到", "取得", "刷新", "提升", "超越",
        "优于", "领先", "准确率", "精度", "误差", "得分", "分数", "表现",
    ])
    /// `在 X（等）…上`: the name is where something was measured.
    static let evaluatedBefore = CuePattern(#"在\s*(多个|四个|三个|两个|主流的?|公开的?|标准的?|经典的?|大规模的?|具有挑战性的)?\s*$"#)
    static let evaluatedAfter = CuePattern(#"^\s*[）)]?\s*(等)?\s*\S{0,14}?(数据集|基准|benchmark|测试集)?\s*(上|中)"#)

    /// Near a name: it is a dataset or benchmark.
    static let datasetNear = KeywordSet([
        "数据集", "基准", "benchmark", "dataset", "测试集", "训练集", "验证集", "训练数据", "语料", "corpus", "榜单",
        "leaderboard", "竞赛", "competition", "olympiad", "评测集", "图文对", "进行训练",
    ])
    /// Just before a name defined in parentheses: it is a measure (相对旋转误差（RRE）).
    static let metricBefore = CuePattern(#"(误差|精度|准确率|召回率|成功率|错误率|率|指标|分数|得分|距离|error|accuracy|score|rate)\s*[（(]\s*$"#)
    /// Name shapes that are datasets or benchmarks.
    static let datasetName = CuePattern(#"(?i)(bench|qa|vqa|-\d+k|\d+k$|-1b$|set$|-vos$|eval$|arena$)"#)

    /// The paper introduces a named thing: 名为 X, 称为 X, dubbed X.
    static let namedBefore = CuePattern(#"(名为|称为|称之为|命名为|dubbed|called|named)\s*[“"「]?\s*$"#)
    /// The paper introduces a dataset or benchmark: 构建了 X 数据集, 提出 X 基准.
    static let introduces = KeywordSet([
        "构建", "提出", "发布", "推出", "引入", "贡献", "创建", "收集", "打造", "建立", "introduc", "propos", "releas",
        "present", "construct", "build", "creat", "collect",
    ])

    /// A verb of introducing shortly before a name in its clause: 提出了 X, 设计了一个…的 X,
    /// 构建了两个新的基准：X 和 Y, we propose X.
    static let introducedEarlier = CuePattern(
        #"(提出了?|设计了?|构建了?|推出了?|引入了?|开发了?|发布了?|打造了?|贡献了?|建立了?|创建了?|研发了?|开源了?|披露了|introduces?|introducing|proposes?|proposing|presents?|presenting|we build)\s*(了|一个|一种|一套|两个|新的|全新的?|新型的?|名为|the|a|an|our)?\s*[“"「]?\s*$"#
    )
    /// Right after a name: a score or measure of it (（55.0%）, 25.25 dB): a compared result.
    static let scoreAfter = CuePattern(#"^\s*[（(]?\s*[\d.]+\s*(%|dB|pp|ms|fps|分|倍|x|×)?"#)
    /// Before a name in its clause: the clause's subject is the paper itself.
    static let selfBefore = KeywordSet(["本文", "我们", "作者", "该方法", "该模型", "该框架", "该系统", "论文", "this paper", "we ", "our "])
}
