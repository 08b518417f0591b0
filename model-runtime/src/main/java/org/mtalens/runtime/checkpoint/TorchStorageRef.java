package org.mtalens.runtime.checkpoint;

/**
 * A storage a PyTorch pickle refers to through its persistent id
 * {@code ('storage', storage_type, key, location, numel)}: only the reference, no bytes yet.
 *
 * @param key         the storage's entry name under {@code data/}
 * @param storageType the torch type name, e.g. {@code FloatStorage}
 * @param dtype       the element type, or null for a type MTA Lens does not compute with (int64, bool, ...)
 * @param elementBytes bytes per element of that type
 * @param numel       the declared element count
 */
record TorchStorageRef(String key, String storageType, DType dtype, int elementBytes, long numel) {
}
