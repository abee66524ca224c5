import Foundation
import Yams

public enum CurationError: LocalizedError, Equatable {
    case unreadable(path: String, reason: String)
    case invalid(path: String, line: Int, reason: String)
    case refused(String)

    public var errorDescription: String? {
        switch self {
        case .unreadable(let path, let reason): return "\(path): cannot read the curation file: \(reason)"
        case .invalid(let path, let line, let reason):
            return "\(path):\(line): \(reason); fix the entry (each is `- ACTION: NAME` with its fields, as `papergraph curate` writes them) or remove it"
        case .refused(let reason): return reason
        }
    }
}

/// The curation file: a YAML list of decisions, oldest first, that the researcher owns and
/// keeps in git. `papergraph curate` appends one block per decision and `undo` removes the
/// last one, so comments and everything else in the file stay as they were.
///
/// ```yaml
/// - merge: "SAM-HQ"
///   into: "HQ-SAM"
///   reason: "one method, two spellings"
/// - kind: "COLMAP"
///   is: "method"
/// ```
public enum CurationFile {
    static let header = """
        # papergraph curation: decisions about the graph, applied on top of extraction at every
        # ingest. `papergraph curate …` appends to it and `papergraph curate undo` removes the last
        # decision; edit it by hand as you like (then run `papergraph ingest` to apply it).

        """

    /// The decisions in a file; a missing file holds none.
    public static func read(_ path: String) throws -> Curation {
        guard FileManager.default.fileExists(atPath: path) else { return .none }
        guard DigestFiles.isRegularFile(path) else {
            throw CurationError.unreadable(path: path, reason: "it is a folder or a device, not a file; pass the curation YAML file with --curation FILE")
        }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw CurationError.unreadable(path: path, reason: "not UTF-8 text, or unreadable: \(WriteFailure.reason(error))")
        }
        return try parse(text, path: path)
    }

    public static func parse(_ text: String, path: String) throws -> Curation {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw CurationError.invalid(path: path, line: line(of: error), reason: "not YAML (\(problem(of: error)))")
        } catch {
            throw CurationError.invalid(path: path, line: 1, reason: "not YAML (\(error))")
        }
        guard let root else { return .none }
        guard let items = root.sequence else {
            throw CurationError.invalid(path: path, line: root.mark?.line ?? 1, reason: "the file must be a list of decisions (lines starting with `- `)")
        }
        return Curation(entries: try items.map { try entry($0, path: path) })
    }

    static func line(of error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return 1
        }
    }

    static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): return problem
        default: return "\(error)"
        }
    }

    static func entry(_ node: Node, path: String) throws -> CurationEntry {
        let line = node.mark?.line ?? 1
        func fail(_ reason: String) -> CurationError { .invalid(path: path, line: line, reason: reason) }
        guard let mapping = node.mapping else { throw fail("a decision is a mapping such as `- merge: \"A\"` with `into: \"B\"`") }
        var fields: [String: Node] = [:]
        for (key, value) in mapping { if let k = key.string { fields[k] = value } }
        // The first key is the action (`add-edge` also has a `kind:` field).
        let actions = ["merge", "split", "rename", "kind", "drop", "drop-edge", "drop-lineage", "add-edge", "topic", "name"]
        guard let action = mapping.first?.key.string, actions.contains(action) else {
            throw fail("a decision starts with its action, one of \(actions.joined(separator: ", "))")
        }
        func text(_ key: String) throws -> String {
            guard let value = fields[key]?.string, !value.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw fail("`\(action)` needs `\(key):`")
            }
            return value
        }
        func relation() throws -> Relation {
            let value = try text("relation")
            guard let relation = Relation(rawValue: value), relation != .derived_from else {
                throw fail("unknown relation '\(value)'; use proposes, builds_on, uses, compares_with, evaluates_on, mentions or reports")
            }
            return relation
        }
        func kind(_ key: String) throws -> EntityKind {
            let value = try text(key)
            guard let kind = EntityKind(rawValue: value) else { throw fail("unknown kind '\(value)'; use method, dataset or metric") }
            return kind
        }
        let decision: CurationDecision
        switch action {
        case "merge": decision = .merge(try text("merge"), into: try text("into"))
        case "split":
            guard let papers = fields["papers"]?.sequence?.compactMap(\.string), !papers.isEmpty else {
                throw fail("`split` needs `papers:`, a list of paper ids")
            }
            decision = .split(try text("split"), papers: papers, as: try text("as"))
        case "rename": decision = .rename(try text("rename"), to: try text("to"))
        case "kind": decision = .kind(try text("kind"), try kind("is"))
        case "drop": decision = .drop(try text("drop"))
        case "drop-edge": decision = .dropEdge(paper: try text("paper"), relation: try relation(), entity: try text("drop-edge"))
        case "drop-lineage": decision = .dropLineage(child: try text("drop-lineage"), parent: try text("from"))
        case "add-edge": decision = .addEdge(paper: try text("paper"), relation: try relation(), entity: try text("add-edge"), kind: try kind("kind"))
        case "topic": decision = .topic(try text("topic"), into: try text("into"))
        default: decision = .name(paper: try text("paper"), try text("name"))
        }
        return CurationEntry(decision, reason: fields["reason"]?.string, line: line)
    }

    // MARK: - Writing

    static func quote(_ text: String) -> String { JSONText.quote(text) }

    /// One decision as the file writes it (a YAML list item; JSON-escaped strings are valid
    /// YAML double-quoted scalars).
    public static func block(_ entry: CurationEntry) -> String {
        var lines: [(String, String)]
        switch entry.decision {
        case .merge(let a, let b): lines = [("merge", quote(a)), ("into", quote(b))]
        case .split(let a, let papers, let b):
            lines = [("split", quote(a)), ("papers", "[" + papers.map(quote).joined(separator: ", ") + "]"), ("as", quote(b))]
        case .rename(let a, let b): lines = [("rename", quote(a)), ("to", quote(b))]
        case .kind(let a, let kind): lines = [("kind", quote(a)), ("is", kind.rawValue)]
        case .drop(let a): lines = [("drop", quote(a))]
        case .dropEdge(let paper, let relation, let entity):
            lines = [("drop-edge", quote(entity)), ("paper", quote(paper)), ("relation", relation.rawValue)]
        case .dropLineage(let child, let parent): lines = [("drop-lineage", quote(child)), ("from", quote(parent))]
        case .addEdge(let paper, let relation, let entity, let kind):
            lines = [("add-edge", quote(entity)), ("paper", quote(paper)), ("relation", relation.rawValue), ("kind", kind.rawValue)]
        case .topic(let a, let b): lines = [("topic", quote(a)), ("into", quote(b))]
        case .name(let paper, let name): lines = [("name", quote(name)), ("paper", quote(paper))]
        }
        if let reason = entry.reason { lines.append(("reason", quote(reason))) }
        return lines.enumerated().map { i, pair in (i == 0 ? "- " : "  ") + "\(pair.0): \(pair.1)\n" }.joined()
    }

    /// Appends a decision to the file (created with a header if missing).
    public static func append(_ entry: CurationEntry, to path: String) throws {
        var text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? header
        if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
        text += block(entry)
        try write(text, to: path)
    }

    /// Removes the last decision's lines (from its `- ` line to the end of the file).
    public static func removeLast(from path: String, curation: Curation) throws -> CurationEntry? {
        guard let last = curation.entries.last, last.line > 0 else { return nil }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        try write(lines.prefix(last.line - 1).joined(separator: "\n") + (last.line > 1 ? "\n" : ""), to: path)
        return last
    }

    static func write(_ text: String, to path: String) throws {
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw CurationError.unreadable(path: path, reason: WriteFailure.reason(error))
        }
    }
}
