import Foundation

/// What a fuzz check found: the output that is not well-formed, and why.
public struct FuzzFinding: Error, CustomStringConvertible {
    public var format: String
    public var problem: String
    public var description: String { "\(format): \(problem)" }

    init(_ format: String, _ problem: String) {
        self.format = format
        self.problem = problem
    }
}

func verify(_ condition: Bool, _ format: String, _ problem: @autoclosure () -> String) throws {
    if !condition { throw FuzzFinding(format, problem()) }
}

/// Fuzz bytes cut into text fields at NUL bytes (names are NUL-free; every other byte goes
/// through, invalid UTF-8 repaired as a digest's reader would refuse it, so here replaced).
struct FuzzFields {
    var fields: [String]

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        fields = bytes.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Field `i`, or `fallback` when the input has fewer fields or that one is empty.
    subscript(_ i: Int, or fallback: String) -> String {
        i < fields.count && !fields[i].isEmpty ? fields[i] : fallback
    }
}
