import Foundation

/// A query result as rows of named columns, rendered for people (`table`) or scripts (`json`, `csv`).
///
/// Every query command returns one of these, so each gets the three formats the same way.
public struct ResultTable: Sendable, Equatable {
    public enum Cell: Sendable, Equatable {
        case text(String)
        case int(Int)
        case double(Double)
        case list([String])
        case null

        var plain: String {
            switch self {
            case .text(let s): return s
            case .int(let i): return String(i)
            case .double(let d): return String(format: "%.3f", d)
            case .list(let items): return items.joined(separator: "; ")
            case .null: return ""
            }
        }

        var json: String {
            switch self {
            case .text(let s): return JSONText.quote(s)
            case .int(let i): return String(i)
            case .double(let d): return String(format: "%.4f", d)
            case .list(let items): return "[" + items.map(JSONText.quote).joined(separator: ", ") + "]"
            case .null: return "null"
            }
        }
    }

    public enum Format: String, Sendable, CaseIterable {
        case table, json, csv
    }

    public var columns: [String]
    public var rows: [[Cell]]

    public init(columns: [String], rows: [[Cell]] = []) {
        self.columns = columns
        self.rows = rows
    }

    public func render(_ format: Format) -> String {
        switch format {
        case .table: return renderTable()
        case .json: return renderJSON()
        case .csv: return renderCSV()
        }
    }

    /// Columns padded to their widest cell (CJK counted as two columns); long cells are cut.
    func renderTable(maxWidth: Int = 70) -> String {
        let cells = rows.map { $0.map { Self.clip(Self.oneLine($0.plain), maxWidth) } }
        let cellWidths = cells.map { $0.map(Self.displayWidth) }
        var widths = columns.map { Self.displayWidth($0) }
        for row in cellWidths { for (i, w) in row.enumerated() { widths[i] = max(widths[i], w) } }
        // One buffer for the whole table: thousands of rows are common on a large archive.
        var out = ""
        out.reserveCapacity((widths.reduce(0, +) + 2 * widths.count + 1) * (rows.count + 2))
        func line(_ values: [String], _ valueWidths: [Int]) {
            for (i, v) in values.enumerated() {
                out += v
                if i < values.count - 1 { Self.pad(&out, widths[i] - valueWidths[i] + 2) }
            }
            out += "\n"
        }
        line(columns, columns.map { Self.displayWidth($0) })
        line(widths.map { String(repeating: "-", count: $0) }, widths)
        for (row, rowWidths) in zip(cells, cellWidths) { line(row, rowWidths) }
        return out
    }

    /// Runs of 0 to 256 spaces, made once: cutting a prefix of one long run walked it
    /// Character by Character, a third of laying out a large table.
    static let spaceRuns = (0...256).map { String(repeating: " ", count: $0) }

    static func pad(_ out: inout String, _ count: Int) {
        var left = count
        while left > 0 {
            let n = min(left, spaceRuns.count - 1)
            out += spaceRuns[n]
            left -= n
        }
    }

    func renderJSON() -> String {
        if rows.isEmpty { return "[]\n" }
        let objects = rows.map { row in
            "  {" + zip(columns, row).map { "\(JSONText.quote($0)): \($1.json)" }.joined(separator: ", ") + "}"
        }
        return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }

    /// RFC 4180, and a text cell a spreadsheet would run as a formula starts with `'` (as the CSV export does).
    func renderCSV() -> String {
        func field(_ s: String) -> String {
            s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        func cell(_ c: Cell) -> String {
            switch c {
            case .text, .list: return field(CSVExport.defused(c.plain))
            default: return field(c.plain)
            }
        }
        let lines = [columns.map(field).joined(separator: ",")] + rows.map { $0.map(cell).joined(separator: ",") }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// Columns a terminal gives the text: two for CJK and emoji, none for combining marks
    /// and invisible format characters.
    public static func displayWidth(_ s: String) -> Int {
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return s.utf8.count }
        return s.unicodeScalars.reduce(0) { $0 + width($1) }
    }

    static func width(_ scalar: Unicode.Scalar) -> Int {
        if scalar.isASCII { return 1 }
        if isWide(scalar) { return 2 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: return scalar.properties.isEmojiPresentation ? 2 : 1
        }
    }

    /// A cell as one line of inert text: line breaks, tabs and other control characters
    /// (terminal escapes included) become spaces and bidirectional overrides are dropped, so a
    /// name can neither break the columns nor recolour or reorder the terminal. Without
    /// Foundation's NSString round trip: tables have thousands of cells.
    public static func oneLine(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || !$0.isASCII }) else { return s }
        return s.mappingScalars { scalar in
            let v = scalar.value
            if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) { return " " }
            if (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) { return "" }
            return nil
        }
    }

    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        TextSegmenter.isCJK(scalar) || (0x3000...0x303F).contains(scalar.value) || (0xFF00...0xFF60).contains(scalar.value)
            || (0x2E80...0x2FDF).contains(scalar.value) || (0xAC00...0xD7A3).contains(scalar.value) || (0x1100...0x115F).contains(scalar.value)
            || (0x3040...0x30FF).contains(scalar.value)
    }

    public static func clip(_ s: String, _ width: Int) -> String {
        guard s.utf8.count > width, displayWidth(s) > width else { return s }
        // The longest run of whole characters that fits before the ellipsis, cut once.
        // ASCII but CR (whose CR LF is one character) is one column a byte.
        if s.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) { return String(decoding: s.utf8.prefix(width - 1), as: UTF8.self) + "…" }
        var used = 0
        var end = s.startIndex
        for index in s.indices {
            let w = s[index].unicodeScalars.reduce(0) { $0 + Self.width($1) }
            if used + w > width - 1 { break }
            used += w
            end = s.index(after: index)
        }
        return String(s[..<end]) + "…"
    }
}

/// JSON string quoting per RFC 8259, shared by every JSON writer here.
public enum JSONText {
    public static func quote(_ s: String) -> String {
        "\""
            + s.mappingScalars { scalar in
                switch scalar {
                case "\"": return "\\\""
                case "\\": return "\\\\"
                case "\n": return "\\n"
                case "\r": return "\\r"
                case "\t": return "\\t"
                default: return scalar.value < 0x20 ? String(format: "\\u%04x", scalar.value) : nil
                }
            } + "\""
    }
}

extension String {
    /// Rebuilds the string scalar by scalar: `transform` gives a replacement, or nil to keep
    /// the scalar. The one loop behind our JSON and DOT quoting.
    func mappingScalars(_ transform: (Unicode.Scalar) -> String?) -> String {
        // Runs of unchanged scalars are copied whole: most text needs no replacement at all.
        let scalars = unicodeScalars
        var out = ""
        var run = scalars.startIndex
        var index = run
        while index < scalars.endIndex {
            if let replacement = transform(scalars[index]) {
                if out.isEmpty { out.reserveCapacity(utf8.count + 16) }
                out += String(scalars[run..<index])
                out += replacement
                run = scalars.index(after: index)
            }
            index = scalars.index(after: index)
        }
        if run == scalars.startIndex { return self }
        out += String(scalars[run..<scalars.endIndex])
        return out
    }
}
