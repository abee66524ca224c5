import PaperGraphFuzz

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFormats(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    do { try FormatFuzz.check(UnsafeBufferPointer(start: data, count: size)) } catch { fatalError("\(error)") }
    return 0
}
