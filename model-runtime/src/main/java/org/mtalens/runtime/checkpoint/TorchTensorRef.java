package org.mtalens.runtime.checkpoint;

/**
 * A tensor as {@code torch._utils._rebuild_tensor_v2} describes it: a contiguous view of a storage,
 * checked to lie inside the storage's declared element count. No bytes are read yet.
 *
 * @param storage the storage it views
 * @param offset  first element, in elements
 * @param shape   dimensions, outermost first
 */
record TorchTensorRef(TorchStorageRef storage, long offset, long[] shape) {
}
