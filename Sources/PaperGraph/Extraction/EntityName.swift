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
        let folded = isASCII ? name.lowercased() : name.precomposedStringWithCompatibilityMapping.lowercased()
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
