/// A markdown document flattened into the leaf blocks papergraph reads, in source order.
///
/// The digest reader never sees cmark: ``MarkdownParser`` copies every fact it needs
/// (kind, text, source line, links, code spans, nesting) into these values so that no
/// C pointer outlives the parse.
public struct MarkdownDocument: Sendable {
    public var blocks: [MarkdownBlock]
}

/// One leaf block: a heading, a paragraph, a code block or a thematic break.
public struct MarkdownBlock: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case heading(level: Int)
        case paragraph
        case codeBlock
        case html
        case thematicBreak
    }

    public var kind: Kind
    /// The block's plain text: text and code-span literals joined, soft breaks as `\n`.
    public var text: String
    /// 1-based line of the block's first source line.
    public var line: Int
    /// 1-based line of the block's last source line.
    public var endLine: Int
    /// Inline links in order, with their raw destination and plain text.
    public var links: [MarkdownLink]
    /// Literals of inline code spans, without backticks.
    public var codeSpans: [String]
    /// How many list items enclose the block (0 outside lists).
    public var listDepth: Int
    /// True when the block is the first child of its list item (the bullet's own line).
    public var startsListItem: Bool
    /// True inside a block quote (Obsidian callouts included).
    public var inBlockQuote: Bool

    public var headingLevel: Int? {
        if case .heading(let level) = kind { return level }
        return nil
    }
}

public struct MarkdownLink: Sendable, Equatable {
    public var destination: String
    public var text: String
}
