import ArgumentParser
import PaperGraph

struct DigestsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "digests", abstract: "List the stored digests.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        emit(Tables.digests(try reportingErrors { try store.open().digests() }).render(output.format))
    }
}

struct RemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Delete a digest and everything only it supported.")

    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: "Remove only this language's edition (e.g. zh-CN); default: all editions.")
    var language: String?

    @Argument(help: "The digest's week, e.g. 2025-W49.")
    var digest: String

    func run() throws {
        let count = try reportingErrors { try store.open().remove(key: digest.uppercased(), language: language) }
        emit("removed \(count) digest\(count == 1 ? "" : "s") \(digest.uppercased())\n")
    }
}
