import PaperGraphFuzz

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDigest(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    do { try DigestFuzz.check(UnsafeBufferPointer(start: data, count: size)) } catch { fatalError("\(error)") }
    return 0
}
