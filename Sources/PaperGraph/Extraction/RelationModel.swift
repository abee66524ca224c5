import Foundation

/// A learned classifier of (paper, entity) pairs: one logistic regression per label over
/// the pair's features (cue families, context words, kind, name shape, the rules' votes).
///
/// `entity` says whether the name is a real method or dataset of the entry at all; the
/// other labels are the relations, and a pair may hold several. Weights live in
/// `Resources/relation-model.tsv`, written by `make train` from the gold annotations, so
/// ingest is offline and deterministic.
public struct RelationModel: Sendable, Equatable {
    public enum Label: String, CaseIterable, Sendable, Codable {
        case entity, proposes, builds_on, uses, compares_with, evaluates_on

        var relation: Relation? { Relation(rawValue: rawValue) }
        /// The label's place in `allCases` (and in ``RelationModel/scores(_:)``).
        var index: Int { Self.allCases.firstIndex(of: self)! }
    }

    /// A training example: a pair's features and the labels the gold gives it.
    public struct Example: Sendable {
        public var features: [String]
        public var labels: Set<Label>
        /// Which annotated week the pair comes from.
        public var week: Int
    }

    /// Every weight, in the order read or fitted; ``weights`` gathers them by label (training,
    /// writing and comparing models need that, ingest only ``rows``).
    private let entries: [(label: Label, feature: String, weight: Double)]

    var weights: [Label: [String: Double]] {
        var out: [Label: [String: Double]] = [:]
        for entry in entries { out[entry.label, default: [:]][entry.feature] = entry.weight }
        return out
    }

    /// A stable number that changes with the weights: part of the extractor's version.
    public let fingerprint: Int

    /// Every label's weight of a feature, in the order of `Label.allCases`: one lookup per
    /// feature scores all labels (`scores(_:)`).
    private let rows: [String: [Double]]

    init(weights: [Label: [String: Double]]) {
        var rows: [String: [Double]] = [:]
        var entries: [(label: Label, feature: String, weight: Double)] = []
        for (i, label) in Label.allCases.enumerated() {
            for (feature, weight) in weights[label] ?? [:] {
                rows[feature, default: [Double](repeating: 0, count: Label.allCases.count)][i] = weight
                entries.append((label, feature, weight))
            }
        }
        self.init(entries: entries, rows: rows, fingerprint: Self.fnv(Self.serialise(weights)))
    }

    private init(entries: [(label: Label, feature: String, weight: Double)], rows: [String: [Double]], fingerprint: Int) {
        self.entries = entries
        self.rows = rows
        self.fingerprint = fingerprint
    }

    public static func == (a: RelationModel, b: RelationModel) -> Bool { a.weights == b.weights && a.fingerprint == b.fingerprint }

    /// The score above which a pair takes a label. Logistic regression fitted on few positives
    /// is conservative for `uses` and generous for `builds_on` (whose pairs then lose `uses`);
    /// these two shifts were chosen on the pooled leave-one-week-out figure (with the stable
    /// training order, uses at -0.5, -1.0, -1.5, -2.0, -2.5 gave 0.402, 0.404, 0.420, 0.417,
    /// 0.410, the other figures within 0.005), so that figure is slightly optimistic for them.
    static let threshold: [Label: Double] = [.uses: -1.5, .builds_on: 1.0]

    /// Whether a score from ``scores(_:)`` gives the label.
    static func decides(_ label: Label, score: Double) -> Bool { score > threshold[label, default: 0] }

    /// Every label's score (in the order of `Label.allCases`) in one pass over the features;
    /// each equals ``score(_:_:)`` of its label.
    func scores(_ features: some Sequence<String>) -> [Double] {
        var totals = [Double](repeating: 0, count: Label.allCases.count)
        for feature in features {
            guard let row = rows[feature] else { continue }
            for i in totals.indices { totals[i] += row[i] }
        }
        return totals
    }

    func score(_ label: Label, _ features: some Sequence<String>) -> Double {
        let index = label.index
        var total = 0.0
        for feature in features { total += rows[feature]?[index] ?? 0 }
        return total
    }

    // MARK: - The committed weights

    public static let resourceName = "relation-model"

    /// The model shipped with papergraph. A missing or broken resource is a broken install.
    public static let standard: RelationModel = {
        do { return try loadStandard() } catch { preconditionFailure("\(error)") }
    }()

    public static func loadStandard() throws -> RelationModel {
        guard let url = Bundle.module.url(forResource: resourceName, withExtension: "tsv") else {
            throw ResourceError.missing("\(resourceName).tsv")
        }
        return try RelationModel(text: String(contentsOf: url, encoding: .utf8), source: url.lastPathComponent)
    }

    /// Reads `label<TAB>feature<TAB>weight` lines; `#` lines are comments.
    public init(text: String, source: String = "model") throws {
        // Read as UTF-8 bytes, labels compared as bytes and weights read as fixed-point
        // numbers: every ingest loads the 26,000 lines, and this was a third of a small one.
        var entries: [(label: Label, feature: String, weight: Double)] = []
        var rows: [String: [Double]] = [:]
        let labels = Label.allCases.map { Array($0.rawValue.utf8) }
        let zeros = [Double](repeating: 0, count: Label.allCases.count)
        // The fingerprint of the lines read, as `fnv` of their text would give.
        var hash = Self.fnvStart
        var text = text
        try text.withUTF8 { bytes in
            var number = 0
            for raw in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
                number += 1
                if raw.isEmpty { continue }
                if raw.first == 0x23 { continue }  // "#"
                for byte in raw { Self.fnvAdd(byte, to: &hash) }
                Self.fnvAdd(0x0A, to: &hash)
                let fields = raw.split(separator: 0x09, omittingEmptySubsequences: false)
                guard fields.count == 3, let index = labels.firstIndex(where: { $0.elementsEqual(fields[0]) }),
                    let weight = Self.number(fields[2])
                else {
                    throw ResourceError.malformed(source, line: number, expected: "label<TAB>feature<TAB>weight")
                }
                let feature = String(decoding: fields[1], as: UTF8.self)
                entries.append((Label.allCases[index], feature, weight))
                rows[feature, default: zeros][index] = weight
            }
        }
        guard !entries.isEmpty else { throw ResourceError.empty(source) }
        // The text's own lines give the same fingerprint as serialising the weights again, at a fraction of the cost.
        self.init(entries: entries, rows: rows, fingerprint: Self.fingerprint(of: hash))
    }

    /// A weight as written (`-0.8604`): digits over a power of ten, which IEEE division
    /// rounds exactly as reading the decimal does; any other form is read by `Double`.
    static func number(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Double? {
        var mantissa: Int64 = 0, scale: Int64 = 1, digits = 0, negative = false, seenPoint = false
        for (i, byte) in bytes.enumerated() {
            switch byte {
            case 0x2D where i == 0: negative = true
            case 0x2E where !seenPoint: seenPoint = true
            case 0x30...0x39 where digits < 15:
                mantissa = mantissa * 10 + Int64(byte - 0x30)
                digits += 1
                if seenPoint { scale *= 10 }
            default: return Double(String(decoding: bytes, as: UTF8.self))
            }
        }
        guard digits > 0 else { return Double(String(decoding: bytes, as: UTF8.self)) }
        let value = Double(mantissa) / Double(scale)
        return negative ? -value : value
    }

    /// The weights as the resource file's text: sorted, fixed precision, the same bytes for the same model.
    public var text: String {
        "# papergraph relation model: logistic-regression weights per label, fitted by `make train` on shared/gold.\n"
            + "# label<TAB>feature<TAB>weight. Generated; do not edit by hand.\n" + Self.serialise(weights)
    }

    static func serialise(_ weights: [Label: [String: Double]]) -> String {
        var out = ""
        for label in Label.allCases {
            for (feature, weight) in (weights[label] ?? [:]).sorted(by: { $0.key < $1.key }) {
                out += "\(label.rawValue)\t\(feature)\t\(String(format: "%.4f", weight))\n"
            }
        }
        return out
    }

    static func fnv64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    /// The fingerprint of a weights text: 32-bit FNV-1a, kept to six digits.
    static func fnv(_ text: String) -> Int {
        var hash = fnvStart
        for byte in text.utf8 { fnvAdd(byte, to: &hash) }
        return fingerprint(of: hash)
    }

    static let fnvStart: UInt32 = 2_166_136_261
    @inline(__always) static func fnvAdd(_ byte: UInt8, to hash: inout UInt32) { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
    static func fingerprint(of hash: UInt32) -> Int { Int(hash % 1_000_000) }

    // MARK: - Training

    /// Training settings, chosen by the cross-validated eval (pooled F1 over the gold weeks).
    public struct Settings: Sendable {
        /// Passes over the examples.
        public var epochs = 40
        public var learningRate = 0.1
        /// L2 penalty per update: keeps rare context words from dominating.
        public var l2 = 1e-4
        /// A feature seen in fewer annotated weeks than this is left out: it cannot generalise,
        /// and no weight is then keyed to one digest's wording.
        public var minimumWeeks = 2
        /// Positive examples count this much more: relations are rare, and F1 rewards recall.
        public var positiveWeight: [Label: Double] = [.entity: 1.5, .proposes: 2, .builds_on: 2, .uses: 2.5, .compares_with: 2, .evaluates_on: 2]
        public init() {}
    }

    /// Fits one logistic regression per label with averaged SGD, in a fixed order: the same
    /// examples give the same weights, bit for bit.
    public static func train(_ examples: [Example], settings: Settings = Settings()) -> RelationModel {
        var weeks: [String: Set<Int>] = [:]
        for example in examples { for feature in example.features { weeks[feature, default: []].insert(example.week) } }
        let vocabulary = weeks.filter { $0.value.count >= settings.minimumWeeks }.keys.sorted()
        let index = Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($1, $0) })
        let rows: [[Int]] = examples.map { Array(Set($0.features.compactMap { index[$0] })).sorted() }

        let keys: [UInt64] = examples.map { Self.fnv64($0.features.sorted().joined(separator: "\u{1F}") + "\u{1E}\($0.week)") }
        // The same orders serve every label.
        let orders: [[Int]] = (0..<settings.epochs).map { epoch in
            let salt = Self.fnv64("epoch \(epoch)")
            return rows.indices.sorted { (keys[$0] ^ salt, $0) < (keys[$1] ^ salt, $1) }
        }
        var weights: [Label: [String: Double]] = [:]
        for label in Label.allCases {
            var w = [Double](repeating: 0, count: vocabulary.count)
            var sum = [Double](repeating: 0, count: vocabulary.count)
            for epoch in 0..<settings.epochs {
                // SGD needs an order, and the result must not vary: each epoch sorts the examples
                // by a hash of their own features and the epoch, so adding or removing one example
                // leaves the others' order alone (a shuffle of indices reorders them all, and a
                // comparison of two extractor versions then measures the shuffle).
                let order = orders[epoch]
                let rate = settings.learningRate / (1 + 0.1 * Double(epoch))
                for r in order {
                    let y: Double = examples[r].labels.contains(label) ? 1 : 0
                    var z = 0.0
                    for f in rows[r] { z += w[f] }
                    let p = 1 / (1 + exp(-z))
                    let g = (p - y) * (y == 1 ? settings.positiveWeight[label] ?? 1 : 1)
                    for f in rows[r] { w[f] -= rate * (g + settings.l2 * w[f]) }
                }
                for f in w.indices { sum[f] += w[f] }
            }
            var table: [String: Double] = [:]
            for (f, feature) in vocabulary.enumerated() {
                let value = (sum[f] / Double(max(1, settings.epochs)) * 10_000).rounded() / 10_000
                if value != 0 { table[feature] = value }
            }
            weights[label] = table
        }
        return RelationModel(weights: weights)
    }
}

/// A resource papergraph ships (gazetteer, lexicons, model weights) is missing or broken.
public enum ResourceError: LocalizedError, Equatable {
    case missing(String)
    case empty(String)
    case malformed(String, line: Int, expected: String)

    public var errorDescription: String? {
        switch self {
        case .missing(let name): return "papergraph's resource \(name) is missing from its bundle; rebuild papergraph (swift build) from a full checkout"
        case .empty(let name): return "papergraph's resource \(name) is empty; restore it from git or run `make train`"
        case .malformed(let name, let line, let expected):
            return "\(name):\(line): malformed line, expected \(expected); restore it from git or run `make train`"
        }
    }
}
