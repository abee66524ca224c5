import Foundation
import Testing

@testable import PaperGraph

/// Hostile names in the terminal table and its CSV: columns stay aligned, nothing escapes.
@Suite struct HostileTableTests {
    static let names = [
        "tab\there", "\u{1B}[31mred\u{1B}[0m", "e\u{301}te\u{301}", "\u{202E}override", "🚀 rocket", "中文名称", "two\nlines", "\u{200F}mark",
        "=SUM(A1)", "-1+2", "plain", "한국어", "カタカナ", "cr\rlf", "\u{7F}del",
    ]

    @Test func columnsStayAlignedAndInert() {
        let table = ResultTable(columns: ["name", "end"], rows: Self.names.map { [.text($0), .text("|")] })
        let lines = table.render(.table).split(separator: "\n").map(String.init)
        #expect(lines.count == Self.names.count + 2)
        // Every row's last column starts at the same display column.
        let starts = Set(lines.dropFirst(2).map { ResultTable.displayWidth(String($0.dropLast())) })
        #expect(starts.count == 1, "\(lines)")
        for line in lines {
            #expect(!line.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || (0x202A...0x202E).contains($0.value) }, "\(line)")
        }
        let csv = table.render(.csv)
        #expect(csv.contains("'=SUM(A1)") && csv.contains("'-1+2"))
        #expect(ResultTable(columns: ["n"], rows: [[.int(-1)]]).render(.csv) == "n\r\n-1\r\n")
    }

    @Test func longCellsAreCutAtWholeCharactersWithinTheWidth() {
        #expect(ResultTable.clip("abcdefghij", 6) == "abcde…")
        #expect(ResultTable.clip("abcdef", 6) == "abcdef")
        // Two columns a CJK character: 4 of the 5 columns before the ellipsis hold two.
        #expect(ResultTable.clip("中文名称很长", 5) == "中文…")
        // A combining mark stays with its letter; CR LF is one character.
        #expect(ResultTable.clip("e\u{301}e\u{301}e\u{301}e\u{301}", 3) == "e\u{301}e\u{301}…")
        #expect(ResultTable.clip("ab\r\ncdef", 4) == "ab…")
        for name in Self.names + ["a mixed 中文 and English title that is long"] {
            let cut = ResultTable.clip(name, 8)
            #expect(ResultTable.displayWidth(cut) <= 8 || ResultTable.displayWidth(name) <= 8, "\(name)")
            #expect(cut == name || name.hasPrefix(String(cut.dropLast())), "\(name)")
        }
    }
}
