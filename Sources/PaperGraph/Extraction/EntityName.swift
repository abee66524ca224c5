import Foundation

/// How names are compared: the matching rule of the annotation guide.
///
/// NFKC (full-width forms, µ → μ), case folding, π → pi, and no spaces, dashes,
/// underscores, dots or slashes: `3D Gaussian Splatting`, `3d-gaussian_splatting` and
/// `３Ｄ Gaussian Splatting` are one key.
public enum EntityName {
    public static func normalise(_ name: String) -> String {
        // ASCII needs no NFKC: the common case, and the extractor's hottest call.
        let isASCII = name.utf8.allSatisfy { $0 < 0x80 }
        if isASCII {
            // Bytes: of ASCII only the space, tab, newline, `_ . / -` are dropped (`-` is the
            // one dash), and lowercasing is a bit.
            var out: [UInt8] = []
            out.reserveCapacity(name.utf8.count)
            for byte in name.utf8 {
                switch byte {
                case 0x20, 0x09, 0x0A, 0x5F, 0x2E, 0x2F, 0x2D: continue
                case 0x41...0x5A: out.append(byte | 0x20)
                default: out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
        let folded = name.precomposedStringWithCompatibilityMapping.lowercased()
        var out = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars {
            switch scalar {
            case "π": out.append(contentsOf: "pi".unicodeScalars)
            case " ", "\t", "\n", "_", ".", "/", "\u{00A0}", "\u{3000}": continue
            default:
                if scalar.properties.generalCategory == .dashPunctuation || scalar == "\u{2212}" { continue }
                out.append(scalar)
            }
        }
        return String(out)
    }

    public static func id(for name: String) -> String { "entity:" + normalise(name) }
}
