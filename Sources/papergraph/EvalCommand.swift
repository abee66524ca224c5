import ArgumentParser
import Foundation
import PaperGraph

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score the extraction against gold annotation files (precision, recall, F1).",
        discussion: """
            With gold files: scores what the database holds (ingest the gold files' digests first), \
            curated if you curated it, so it shows what curation fixed.
            With --cross-validate FOLDER: leave-one-week-out over every gold file of FOLDER; the relation \
            model is fitted on the other weeks and scored on the held-out one (the extractor alone, no \
            curation), and the pooled figure is printed last. The gold format is described in shared/gold/ANNOTATION.md.
            """)

    @OptionGroup var store: StoreOptions

    @Flag(name: .long, help: "Print the report as JSON.")
    var json = false

    @Flag(name: .long, help: "List every miss and every extra (extras with their evidence sentence).")
    var details = false

    @Option(name: .customLong("cross-validate"), help: "A folder of gold files: run leave-one-week-out over them.")
    var crossValidate: String?

    @Option(name: .long, help: "With --cross-validate: the folder holding the digests the gold files name.")
    var corpus = "../shared/corpus"

    @Flag(name: .long, help: "With --cross-validate: let the hand-written rules decide instead of the learned model.")
    var rules = false

    @Argument(help: "Gold annotation files (JSON).")
    var gold: [String] = []

    func validate() throws {
        if crossValidate == nil && gold.isEmpty { throw ValidationError("name gold files, or a folder with --cross-validate FOLDER") }
        if crossValidate != nil && !gold.isEmpty { throw ValidationError("--cross-validate reads a folder: name no gold files with it") }
    }

    func run() throws {
        var reports: [EvaluationReport]
        if let folder = crossValidate {
            reports = try reportingErrors {
                let weeks = try GoldWeek.loadAll(goldFolder: folder, corpus: corpus)
                return try CrossValidation(weeks: weeks).run(rulesOnly: rules)
            }
            reports.append(CrossValidation.pooled(reports))
        } else {
            let evaluator = Evaluator(store: try store.open())
            reports = try gold.map { path in try reportingErrors { try evaluator.evaluate(GoldFile.load(path), goldPath: path) } }
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            var value = reports
            if !details { for i in value.indices { value[i].differences = [] } }
            emit(String(decoding: try encoder.encode(value.count == 1 ? AnyEncodable(value[0]) : AnyEncodable(value)), as: UTF8.self) + "\n")
            return
        }
        if crossValidate != nil {
            emit(EvaluationReport.summaryTable(reports))
        }
        for report in reports where crossValidate == nil || details {
            emit(report.text)
            guard details else { continue }
            for d in report.differences {
                emit("  \(d.measure) \(d.kind): \(d.paper) → \(d.name)\(d.evidence.map { "  “\($0)”" } ?? "")\n")
            }
        }
    }
}

struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Fit the relation model on gold annotations and write its weights.",
        discussion: "`make train` runs this on ../shared/gold and writes the resource committed with the code.")

    @Argument(help: "The folder of gold files.")
    var goldFolder: String

    @Option(name: .long, help: "The folder holding the digests the gold files name.")
    var corpus = "../shared/corpus"

    @Option(name: [.short, .long], help: "Where to write the weights (default: standard output).")
    var output: String?

    func run() throws {
        let text = try reportingErrors {
            try CrossValidation(weeks: GoldWeek.loadAll(goldFolder: goldFolder, corpus: corpus)).trainAll().text
        }
        if let output {
            try reportingErrors { try text.write(toFile: output, atomically: true, encoding: .utf8) }
            printError("wrote \(output) (\(text.split(separator: "\n").count - 2) weights)")
        } else {
            emit(text)
        }
    }
}

private struct AnyEncodable: Encodable {
    let value: any Encodable
    init(_ value: any Encodable) { self.value = value }
    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}
