import CCmark

/// Parses markdown with libcmark (source positions on) into a ``MarkdownDocument``.
///
/// This is the only file that imports `CCmark`. Every cmark node is read while the
/// document is alive and freed with `defer` before returning.
public enum MarkdownParser {
    /// Parses UTF-8 markdown text.
    ///
    /// - Parameter text: the whole document.
    /// - Returns: its leaf blocks in source order.
    public static func parse(_ text: String) -> MarkdownDocument {
        var utf8 = Array(text.utf8)
        let root: OpaquePointer? = utf8.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parse_document($0, buffer.count, CMARK_OPT_SOURCEPOS)
            }
        }
        guard let root else { return MarkdownDocument(blocks: []) }
        defer { cmark_node_free(root) }
        var blocks: [MarkdownBlock] = []
        collect(root, into: &blocks, listDepth: 0, inQuote: false)
        return MarkdownDocument(blocks: blocks)
    }

    private static func collect(_ node: OpaquePointer, into blocks: inout [MarkdownBlock], listDepth: Int, inQuote: Bool) {
        var child = cmark_node_first_child(node)
        var isFirstInItem = cmark_node_get_type(node) == CMARK_NODE_ITEM
        while let current = child {
            let type = cmark_node_get_type(current)
            switch type {
            case CMARK_NODE_HEADING, CMARK_NODE_PARAGRAPH:
                var inline = InlineText()
                inline.read(current)
                let kind: MarkdownBlock.Kind =
                    type == CMARK_NODE_HEADING
                    ? .heading(level: Int(cmark_node_get_heading_level(current))) : .paragraph
                blocks.append(
                    MarkdownBlock(
                        kind: kind, text: inline.text, line: Int(cmark_node_get_start_line(current)),
                        endLine: Int(cmark_node_get_end_line(current)), links: inline.links,
                        codeSpans: inline.codeSpans, listDepth: listDepth,
                        startsListItem: isFirstInItem, inBlockQuote: inQuote))
            case CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK:
                let literal = cmark_node_get_literal(current).map { String(cString: $0) } ?? ""
                let kind: MarkdownBlock.Kind =
                    type == CMARK_NODE_CODE_BLOCK
                    ? .codeBlock
                    : type == CMARK_NODE_HTML_BLOCK ? .html : .thematicBreak
                blocks.append(
                    MarkdownBlock(
                        kind: kind, text: literal, line: Int(cmark_node_get_start_line(current)),
                        endLine: Int(cmark_node_get_end_line(current)), links: [], codeSpans: [],
                        listDepth: listDepth, startsListItem: isFirstInItem, inBlockQuote: inQuote))
            case CMARK_NODE_ITEM:
                collect(current, into: &blocks, listDepth: listDepth + 1, inQuote: inQuote)
            case CMARK_NODE_BLOCK_QUOTE:
                collect(current, into: &blocks, listDepth: listDepth, inQuote: true)
            default:
                collect(current, into: &blocks, listDepth: listDepth, inQuote: inQuote)
            }
            isFirstInItem = false
            child = cmark_node_next(current)
        }
    }
}

/// Accumulates the plain text of an inline subtree (a heading's text is not its literal).
private struct InlineText {
    var text = ""
    var links: [MarkdownLink] = []
    var codeSpans: [String] = []

    mutating func read(_ node: OpaquePointer) {
        var child = cmark_node_first_child(node)
        while let current = child {
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT:
                text += literal(current)
            case CMARK_NODE_CODE:
                let code = literal(current)
                codeSpans.append(code)
                text += code
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += "\n"
            case CMARK_NODE_IMAGE, CMARK_NODE_HTML_INLINE:
                break
            case CMARK_NODE_LINK:
                var inner = InlineText()
                inner.read(current)
                let destination = cmark_node_get_url(current).map { String(cString: $0) } ?? ""
                links.append(MarkdownLink(destination: destination, text: inner.text))
                links.append(contentsOf: inner.links)
                codeSpans.append(contentsOf: inner.codeSpans)
                text += inner.text
            default:
                read(current)
            }
            child = cmark_node_next(current)
        }
    }

    private func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }
}
