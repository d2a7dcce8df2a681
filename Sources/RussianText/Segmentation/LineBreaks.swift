/// Line breaks as documents write them: LF, CR, CRLF, vertical tab, form feed, NEL, and the
/// Unicode line and paragraph separators. The decoder keeps them as they are, so that every
/// offset is one into the text as decoded (DESIGN.md); segmentation reads any of them as a
/// break, and CRLF as one break, not two. (Documents has the same table for its titles.)
public enum LineBreak {
    /// Whether `s` ends a line (CR of a CRLF included).
    @inline(__always) public static func isBreak(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// How many line breaks `scalars[range]` holds, a CRLF counting once.
    static func count(in scalars: [Unicode.Scalar], _ range: Range<Int>) -> Int {
        var n = 0
        for k in range where isBreak(scalars[k]) {
            // the LF of a CRLF was counted with its CR
            if scalars[k] == "\n", k > range.lowerBound, scalars[k - 1] == "\r" { continue }
            n += 1
        }
        return n
    }
}
