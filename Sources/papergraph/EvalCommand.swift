import ArgumentParser
import Foundation
import PaperGraph

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score the stored extraction against a gold annotation file (precision, recall, F1).",
        discussion: "Ingest the gold file's digest first; the gold format is described in shared/gold/ANNOTATION.md.")

    @OptionGroup var store: StoreOptions

    @Flag(name: .long, help: "Print the report as JSON.")
    var json = false

    @Flag(name: .long, help: "List every miss and every extra (extras with their evidence sentence).")
    var details = false

    @Argument(help: "Gold annotation files (JSON).")
    var gold: [String]

    func run() throws {
        let evaluator = Evaluator(store: try store.open())
        var reports: [EvaluationReport] = []
        for path in gold {
            let report = try reportingErrors { try evaluator.evaluate(GoldFile.load(path), goldPath: path) }
            reports.append(report)
            guard !json else { continue }
            emit(report.text)
            if details {
                for d in report.differences {
                    emit("  \(d.measure) \(d.kind): \(d.paper) → \(d.name)\(d.evidence.map { "  “\($0)”" } ?? "")\n")
                }
            }
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            var value = reports
            if !details { for i in value.indices { value[i].differences = [] } }
            emit(String(decoding: try encoder.encode(value.count == 1 ? AnyEncodable(value[0]) : AnyEncodable(value)), as: UTF8.self) + "\n")
        }
    }
}

private struct AnyEncodable: Encodable {
    let value: any Encodable
    init(_ value: any Encodable) { self.value = value }
    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}
