package org.mtalens.runtime.checkpoint;

import java.util.Map;

/**
 * The tensors a weights file holds, and the checksums still to check while their bytes are read.
 *
 * @param tensors   every tensor by key, in file order
 * @param checksums the CRC-32 checks of the zip entries behind them (none for safetensors)
 */
record WeightsFile(Map<String, Tensor> tensors, StorageChecksums checksums) {
}
