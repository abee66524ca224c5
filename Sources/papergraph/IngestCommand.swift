import ArgumentParser
import Foundation
import PaperGraph

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Read digests (files or folders of *.md) into the database.",
        discussion: """
            Each digest is written in one transaction: an unchanged file is skipped, a changed one \
            replaces that digest's rows, and a file that fails leaves the database as it was while \
            the other files still ingest. Markdown that is not a digest is reported and skipped. Exits non-zero if any file failed, or if no file was a digest.
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var curation: CurationOptions

    @Flag(name: .long, help: "Re-ingest files even when they and the extractor are unchanged.")
    var force = false

    @Flag(name: .shortAndLong, help: "Print only failures and the final count.")
    var quiet = false

    @Argument(help: "Digest files or folders holding them.")
    var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one digest file or folder") }
    }

    func run() throws {
        // The model and lexicons load on the other cores while the files are listed and the
        // database opens.
        RuleExtractor.preload()
        let (files, errors) = DigestFiles.expand(paths)
        for error in errors { printError("error: \(error.errorDescription ?? "\(error)")") }
        guard !files.isEmpty else { throw ExitCode.failure }
        let decisions = try reportingErrors { try CurationFile.read(curation.path(beside: store.path)) }
        let ingestor = Ingestor(store: try store.open(create: true), curation: decisions)
        let showProgress = files.count > 3 && isatty(STDERR_FILENO) != 0
        var failed = errors.count, ingested = 0, unchanged = 0, skipped = 0, papers = 0
        _ = ingestor.ingest(files: files, force: force) { index, result in
            let file = result.path
            if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            switch result.status {
            case .ingested(let summary):
                ingested += 1
                papers += summary.papers
                if !quiet {
                    emit(
                        "\(file): \(result.digestKey ?? "?"): \(summary.papers) papers, \(summary.topics) topics, "
                            + "\(summary.entities) entities, \(summary.edges) edges, \(result.diagnostics.count) warnings\n")
                }
            case .unchanged:
                unchanged += 1
                if !quiet { emit("\(file): \(result.digestKey ?? "?"): unchanged, skipped (use --force to re-ingest)\n") }
            case .skipped(let message):
                skipped += 1
                printError("warning: \(message)")
            case .failed(let message):
                failed += 1
                printError("error: \(message)")
            }
            if !quiet { for diagnostic in result.diagnostics { FileHandle.standardError.write(Data("\(diagnostic)\n".utf8)) } }
            if showProgress, index + 1 < files.count {
                FileHandle.standardError.write(Data("\r[\(index + 1)/\(files.count)] written \(file)\u{1B}[K".utf8))
            }
        }
        emit(
            "ingested \(ingested) digests (\(papers) paper entries), \(unchanged) unchanged, "
                + (skipped > 0 ? "\(skipped) skipped (not digests), " : "") + "\(failed) failed\n")
        // Markdown that is not a digest beside digests is only reported; nothing but it is an error.
        if failed > 0 || (skipped > 0 && ingested + unchanged == 0) { throw ExitCode.failure }
    }
}
