package org.mtalens.runtime.libtorch;

import com.sun.jna.Library;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;

/** The few CUDA driver API calls ({@code libcuda.so.1}) the driver probe makes; each returns a CUresult (0: success). */
interface CudaDriverLibrary extends Library {
    /** The library file: the driver installs it; the CUDA toolkit is not needed. */
    String FILE = "libcuda.so.1";

    int cuInit(int flags);

    int cuDriverGetVersion(IntByReference version);

    int cuDeviceGetCount(IntByReference count);

    int cuDeviceGet(IntByReference device, int ordinal);

    int cuDeviceGetName(byte[] name, int length, int device);

    int cuDeviceTotalMem_v2(LongByReference bytes, int device);
}
