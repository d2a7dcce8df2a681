import Foundation

/// The text of a Word 97–2003 document from its streams ([MS-DOC]): the File Information Block
/// at the start of the WordDocument stream says which table stream holds the piece table (CLX)
/// and how many characters the main text and the footnotes have; each piece of the piece table
/// is either 8-bit (cp1252, "compressed") or UTF-16LE text at a file offset of the WordDocument
/// stream.
enum WordBinaryText {
    static func text(wordDocument word: Data, tables: [String: Data]) throws(WordBinaryError) -> String {
        let w = [UInt8](word)
        guard w.count >= 0x1AA, u16(w, 0) == 0xA5EC else { throw WordBinaryError(reason: "its WordDocument stream has no Word 97 header") }
        let flags = u16(w, 0x0A)
        if flags & 0x0100 != 0 { throw WordBinaryError(reason: "it is encrypted; save an unprotected copy") }
        let tableName = flags & 0x0200 != 0 ? "1Table" : "0Table"
        guard let table = tables[tableName].map({ [UInt8]($0) }) else {
            throw WordBinaryError(reason: "its \(tableName) stream is missing")
        }
        // FibRgLw97 starts at 64: ccpText at +12, ccpFtn at +16.
        let ccpText = Int(u32(w, 64 + 12)), ccpFootnotes = Int(u32(w, 64 + 16))
        // FibRgFcLcb97 starts at 154; fcClx/lcbClx is its 34th pair.
        let fcClx = Int(u32(w, 154 + 33 * 8)), lcbClx = Int(u32(w, 154 + 33 * 8 + 4))
        guard lcbClx > 0, fcClx >= 0, fcClx + lcbClx <= table.count else {
            throw WordBinaryError(reason: "its piece table lies outside the table stream")
        }
        let pieces = try pieceTable(Array(table[fcClx..<(fcClx + lcbClx)]))
        var characters: [UInt16] = []
        characters.reserveCapacity(ccpText + ccpFootnotes)
        for p in pieces {
            let count = p.cpEnd - p.cpStart
            if p.compressed {
                guard p.fc + count <= w.count else { throw WordBinaryError(reason: "a text piece lies outside the document") }
                for b in w[p.fc..<(p.fc + count)] { characters.append(cp1252(b)) }
            } else {
                guard p.fc + 2 * count <= w.count else { throw WordBinaryError(reason: "a text piece lies outside the document") }
                for k in 0..<count { characters.append(u16(w, p.fc + 2 * k)) }
            }
        }
        let main = plain(Array(characters.prefix(ccpText)))
        let notes = ccpFootnotes > 0 && characters.count > ccpText
            ? plain(Array(characters.dropFirst(ccpText).prefix(ccpFootnotes))) : ""
        let noteLines = notes.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return noteLines.isEmpty ? main : main + "\n\n" + noteLines.joined(separator: "\n")
    }

    struct Piece {
        var cpStart: Int, cpEnd: Int
        /// Byte offset in the WordDocument stream.
        var fc: Int
        var compressed: Bool
    }

    /// The CLX: property runs (0x01) to skip, then the piece table (0x02).
    static func pieceTable(_ clx: [UInt8]) throws(WordBinaryError) -> [Piece] {
        var i = 0
        while i < clx.count, clx[i] == 0x01 {
            guard i + 3 <= clx.count else { break }
            i += 3 + Int(u16(clx, i + 1))
        }
        guard i + 5 <= clx.count, clx[i] == 0x02 else { throw WordBinaryError(reason: "its piece table is damaged") }
        let lcb = Int(u32(clx, i + 1))
        let plc = i + 5
        guard lcb >= 16, plc + lcb <= clx.count, (lcb - 4) % 12 == 0 else { throw WordBinaryError(reason: "its piece table is damaged") }
        let n = (lcb - 4) / 12
        var pieces: [Piece] = []
        for k in 0..<n {
            let cpStart = Int(u32(clx, plc + 4 * k)), cpEnd = Int(u32(clx, plc + 4 * (k + 1)))
            let pcd = plc + 4 * (n + 1) + 8 * k
            let fcValue = u32(clx, pcd + 2)
            let compressed = fcValue & 0x4000_0000 != 0
            let fc = Int(fcValue & 0x3FFF_FFFF)
            guard cpEnd >= cpStart else { throw WordBinaryError(reason: "its piece table is damaged") }
            pieces.append(Piece(cpStart: cpStart, cpEnd: cpEnd, fc: compressed ? fc / 2 : fc, compressed: compressed))
        }
        return pieces
    }

    /// Word's control characters as plain text: paragraph and cell marks become line ends and
    /// tabs, field codes are dropped and their results kept, objects and note marks dropped.
    static func plain(_ units: [UInt16]) -> String {
        var out: [UInt16] = []
        out.reserveCapacity(units.count)
        var fieldDepth = 0
        var inFieldCode: [Bool] = []
        for (k, u) in units.enumerated() {
            switch u {
            case 0x13: fieldDepth += 1; inFieldCode.append(true); continue
            case 0x14: if !inFieldCode.isEmpty { inFieldCode[inFieldCode.count - 1] = false }; continue
            case 0x15: if fieldDepth > 0 { fieldDepth -= 1; inFieldCode.removeLast() }; continue
            default: break
            }
            if inFieldCode.last == true { continue }
            switch u {
            case 0x0D, 0x0B, 0x0C: out.append(0x0A)
            // a cell mark; two in a row end the table row
            case 0x07: if out.last == 0x09 { out[out.count - 1] = 0x0A } else { out.append(0x09) }
            case 0x1E: out.append(0x2D)               // non-breaking hyphen
            case 0x1F, 0x01, 0x02, 0x05, 0x08: break  // optional hyphen, objects, note marks
            case 0xA0: out.append(0x20)
            default:
                if u < 0x20 && u != 0x09 { break }
                out.append(u)
            }
            _ = k
        }
        var s = String(decoding: out, as: UTF16.self)
        while s.hasSuffix("\n") { s.removeLast() }
        return s
    }

    /// windows-1252 as Word's compressed pieces use it.
    static func cp1252(_ b: UInt8) -> UInt16 {
        let high: [UInt16] = [0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
                              0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178]
        return (0x80...0x9F).contains(b) ? high[Int(b) - 0x80] : UInt16(b)
    }

    static func u16(_ b: [UInt8], _ i: Int) -> UInt16 {
        guard i + 1 < b.count else { return 0 }
        return UInt16(b[i]) | UInt16(b[i + 1]) << 8
    }

    static func u32(_ b: [UInt8], _ i: Int) -> UInt32 {
        guard i + 3 < b.count else { return 0 }
        return UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
    }
}
