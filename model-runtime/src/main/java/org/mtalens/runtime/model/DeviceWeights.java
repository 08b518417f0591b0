package org.mtalens.runtime.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.checkpoint.Checkpoint;
import org.mtalens.runtime.checkpoint.Tensor;

/**
 * A checkpoint's tensors as fp32 arrays on one device: the weights held once. Each tensor is widened from its
 * file straight into its array's own memory (on the CPU; through one CPU array per tensor for another device),
 * so no Java array of a tensor is made and the checkpoint's file mapping is never made resident. Close to free
 * the device memory.
 */
public final class DeviceWeights implements Weights, AutoCloseable {
    /** The tied output head of the official layout: the embedding's own storage. */
    private static final String TIED_OUTPUT = "output.tied_module.weight";
    private static final String EMBEDDING = "tok_embeddings.weight";
    private final NDManager manager;
    private final Map<String, NDArray> arrays = new HashMap<>();
    private final String source;

    private DeviceWeights(NDManager manager, String source) {
        this.manager = manager;
        this.source = source;
    }

    /** Copies every tensor of {@code checkpoint} to {@code device}. */
    public static DeviceWeights load(Checkpoint checkpoint, Device device) {
        return load(checkpoint, device, () -> false);
    }

    /** Copies every tensor of {@code checkpoint} to {@code device}, checking {@code cancelled} before each. */
    public static DeviceWeights load(Checkpoint checkpoint, Device device, BooleanSupplier cancelled) {
        DeviceWeights weights = new DeviceWeights(NDManager.newBaseManager(device), checkpoint.source().toString());
        try {
            for (Tensor tensor : checkpoint.tensors().values()) {
                if (tensor.name().equals(TIED_OUTPUT) && checkpoint.tensors().containsKey(EMBEDDING)) {
                    continue; // the same storage as the embedding: held once, looked up through it
                }
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("loading " + checkpoint.source() + " was cancelled");
                }
                NDArray array = widened(weights.manager, tensor);
                array.setName(tensor.name());
                weights.arrays.put(tensor.name(), array);
            }
            return weights;
        } catch (RuntimeException e) {
            weights.close();
            throw e;
        }
    }

    /** @return an fp32 array on {@code manager}'s device holding the tensor's values */
    private static NDArray widened(NDManager manager, Tensor tensor) {
        Shape shape = new Shape(tensor.shape());
        if (Device.cpu().equals(manager.getDevice())) {
            NDArray array = manager.create(shape, DataType.FLOAT32); // uninitialised: every value is written below
            tensor.readFloatsInto(CpuMaps.floats(array));
            return array;
        }
        try (NDManager host = NDManager.newBaseManager(Device.cpu())) {
            NDArray staged = host.create(shape, DataType.FLOAT32);
            tensor.readFloatsInto(CpuMaps.floats(staged));
            NDArray onDevice = staged.toDevice(manager.getDevice(), true);
            onDevice.attach(manager);
            return onDevice;
        }
    }

    /** @return the device the arrays live on */
    public Device device() {
        return manager.getDevice();
    }

    /** @return the manager that owns the arrays; request managers are made under it */
    public NDManager manager() {
        return manager;
    }

    @Override
    public NDArray get(String key) {
        NDArray array = find(key);
        if (array == null) {
            throw new InvalidInputException(source + ": missing tensor '" + key + "'");
        }
        return array;
    }

    @Override
    public NDArray find(String key) {
        return arrays.get(key.equals(TIED_OUTPUT) && !arrays.containsKey(key) ? EMBEDDING : key);
    }

    @Override
    public void close() {
        manager.close();
    }
}
