import Foundation

// The libFuzzer driver: `TWINGRAPH_FUZZ_TARGET=NAME twingraph-fuzz [libFuzzer options] [corpus…]`.
// scripts/fuzz.sh builds this with `-sanitize=fuzzer,address` and sets the variable; the
// variable (not an argument) names the target, so libFuzzer's own child processes inherit it.

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

let targetName = ProcessInfo.processInfo.environment["TWINGRAPH_FUZZ_TARGET"] ?? ""
guard let selected = FuzzTarget(rawValue: targetName) else {
    FileHandle.standardError.write(Data((
        "twingraph-fuzz: set TWINGRAPH_FUZZ_TARGET to one of: "
        + FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ") + "\n").utf8))
    exit(2)
}
FuzzTarget.current = selected
selected.prepare()

/// One input, as libFuzzer calls it. libFuzzer's runtime also links its own `main`, which
/// wants this symbol; ours (this file) runs instead and passes the same function to the driver.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzTarget.current.run(Data(UnsafeBufferPointer(start: start, count: count)))
    return 0
}

var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput))
