/// Line breaks as documents write them: LF, CR, CRLF, vertical tab, form feed, NEL, and the
/// Unicode line and paragraph separators. Decoding keeps them (offsets are into the text as
/// decoded), so everything here that looks for the end of a line asks this table. RussianText's
/// `LineBreak` is the same table for segmentation; Documents does not depend on it.
enum LineBreaks {
    @inline(__always) static func isBreak(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }
}
