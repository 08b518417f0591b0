package org.mtalens.runtime.export;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.mtalens.runtime.InvalidInputException;
import org.mtalens.runtime.RegularFiles;

/**
 * Reads and writes numpy {@code .npz} archives (npy format 1.0, little-endian float32/float64/int64/int32),
 * so numpy users, the reference fixtures and MTA Lens exports agree on names and shapes. Writes are
 * atomic: a temporary file in the same folder, then a rename. An archive may also hold plain files beside
 * its arrays (an export's {@code meta.json}): numpy's {@code np.load(f)["meta.json"]} gives their bytes;
 * {@link #read} skips them and {@link #readFile} reads one.
 */
public final class Npz {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([<>|]?[a-z]\\d+)'");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order':\\s*True");
    private static final long MAX_ENTRY_BYTES = Integer.MAX_VALUE - 8;

    private Npz() {
    }

    /**
     * Reads every array of an npz stream, by name (entry name without {@code .npy}).
     *
     * @throws InvalidInputException naming {@code source} and the entry when the bytes are no (supported) npz
     * @throws IOException when the stream itself cannot be read
     */
    public static Map<String, NpyArray> read(InputStream in, String source) throws IOException {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().endsWith(".npy")) {
                    String name = entry.getName().substring(0, entry.getName().length() - 4);
                    arrays.put(name, readNpy(new DataInputStream(zip), name, source));
                }
            }
        } catch (java.util.zip.ZipException | java.io.EOFException | IllegalArgumentException e) {
            // IllegalArgumentException: java.util.zip's answer to an entry name that is not valid UTF-8
            throw new InvalidInputException(source + ": not a complete npz (zip) file: " + e.getMessage(), e);
        }
        return arrays;
    }

    /**
     * @return the bytes of the plain file {@code name} inside an npz (e.g. {@code meta.json}), at most {@code maxBytes}
     * @throws InvalidInputException naming the file when the entry is missing or larger
     */
    public static byte[] readFile(Path file, String name, int maxBytes) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(RegularFiles.newInputStream(file))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().equals(name)) {
                    byte[] bytes = zip.readNBytes(maxBytes + 1);
                    if (bytes.length > maxBytes) {
                        throw new InvalidInputException(file + ": entry '" + name + "' holds more than " + maxBytes + " bytes");
                    }
                    return bytes;
                }
            }
        } catch (java.util.zip.ZipException | IllegalArgumentException e) {
            throw new InvalidInputException(file + ": not a complete npz (zip) file: " + e.getMessage(), e);
        }
        throw new InvalidInputException(file + ": has no entry '" + name + "'");
    }

    /** Reads an npz file. */
    public static Map<String, NpyArray> read(Path file) throws IOException {
        try (InputStream in = RegularFiles.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    private static NpyArray readNpy(DataInputStream in, String name, String source) throws IOException {
        byte[] magic = in.readNBytes(6);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new InvalidInputException(source + ": entry '" + name + "' is not a .npy array");
        }
        int major = in.readUnsignedByte();
        in.readUnsignedByte();
        int headerLength = major == 1 ? Short.toUnsignedInt(Short.reverseBytes(in.readShort()))
                : Integer.reverseBytes(in.readInt());
        if (headerLength < 0) {
            throw new InvalidInputException(source + ": entry '" + name + "' declares a header of " + headerLength + " bytes");
        }
        String header = new String(in.readNBytes(headerLength), StandardCharsets.ISO_8859_1);
        Matcher descr = DESCR.matcher(header);
        Matcher shapeText = SHAPE.matcher(header);
        if (!descr.find() || !shapeText.find()) {
            throw new InvalidInputException(source + ": entry '" + name + "' has an unsupported npy header " + header.trim());
        }
        long[] shape = shape(shapeText.group(1), name, source);
        long count = Arrays.stream(shape).reduce(1, Math::multiplyExact);
        String type = descr.group(1).replace("<", "").replace("|", "");
        int width = type.length() > 3 ? Integer.MAX_VALUE : Integer.parseInt(type.substring(1));
        if (count > MAX_ENTRY_BYTES / Math.max(1, width) || descr.group(1).startsWith(">")) {
            throw new InvalidInputException(source + ": entry '" + name + "' is too large or big-endian");
        }
        ByteBuffer data = ByteBuffer.wrap(in.readNBytes((int) (count * width))).order(ByteOrder.LITTLE_ENDIAN);
        if (data.capacity() != count * width) {
            throw new InvalidInputException(source + ": entry '" + name + "' is truncated");
        }
        NpyArray array = switch (type) {
            case "f4" -> NpyArray.ofFloats(name, floats(data, (int) count, false), shape);
            case "f8" -> NpyArray.ofFloats(name, floats(data, (int) count, true), shape);
            case "i8", "i4", "i1", "u1", "b1" -> NpyArray.ofLongs(name, longs(data, (int) count, width), shape);
            default -> throw new InvalidInputException(source + ": entry '" + name + "' has unsupported dtype " + type);
        };
        return FORTRAN.matcher(header).find() ? toRowMajor(array) : array;
    }

    /** The dimensions of an npy shape tuple text, e.g. {@code "2, 3"}; each must be a non-negative integer. */
    private static long[] shape(String text, String name, String source) {
        try {
            long[] shape = Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .mapToLong(Long::parseLong).toArray();
            long count = 1;
            for (long d : shape) {
                if (d < 0) {
                    throw new NumberFormatException("negative dimension " + d);
                }
                count = Math.multiplyExact(count, d);
            }
            return shape;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidInputException(source + ": entry '" + name + "' has an impossible shape (" + text + ")");
        }
    }

    /** A Fortran-order (column-major) array rewritten in row-major order, same shape. */
    private static NpyArray toRowMajor(NpyArray array) {
        long[] shape = array.shape();
        int count = array.isInteger() ? array.longs().length : array.floats().length;
        int[] index = new int[count];
        for (int flat = 0; flat < count; flat++) {
            long rest = flat;
            long columnMajor = 0;
            for (int axis = shape.length - 1; axis >= 0; axis--) {
                long coordinate = rest % shape[axis];
                rest /= shape[axis];
                columnMajor += coordinate * fortranStride(shape, axis);
            }
            index[flat] = (int) columnMajor;
        }
        if (array.isInteger()) {
            long[] out = new long[count];
            for (int i = 0; i < count; i++) {
                out[i] = array.longs()[index[i]];
            }
            return NpyArray.ofLongs(array.name(), out, shape);
        }
        float[] out = new float[count];
        for (int i = 0; i < count; i++) {
            out[i] = array.floats()[index[i]];
        }
        return NpyArray.ofFloats(array.name(), out, shape);
    }

    private static long fortranStride(long[] shape, int axis) {
        long stride = 1;
        for (int a = 0; a < axis; a++) {
            stride *= shape[a];
        }
        return stride;
    }

    private static float[] floats(ByteBuffer data, int count, boolean doubles) {
        float[] out = new float[count];
        for (int i = 0; i < count; i++) {
            out[i] = doubles ? (float) data.getDouble(i * 8) : data.getFloat(i * 4);
        }
        return out;
    }

    private static long[] longs(ByteBuffer data, int count, int width) {
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            out[i] = switch (width) {
                case 8 -> data.getLong(i * 8);
                case 4 -> data.getInt(i * 4);
                default -> data.get(i);
            };
        }
        return out;
    }

    /**
     * Writes arrays to {@code file} atomically: into a temporary file beside it, then renamed over it.
     * A failure leaves no partial file and keeps any old one.
     */
    public static void write(Path file, Iterable<NpyArray> arrays) throws IOException {
        AtomicFiles.write(file, out -> writeTo(out, arrays));
    }

    /** Writes an uncompressed npz to a stream (the caller closes it). */
    public static void writeTo(OutputStream out, Iterable<NpyArray> arrays) throws IOException {
        writeTo(out, arrays, Map.of());
    }

    /** Writes the arrays, then plain files (name to bytes, e.g. {@code meta.json}), to a stream (the caller closes it). */
    public static void writeTo(OutputStream out, Iterable<NpyArray> arrays, Map<String, byte[]> files) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.setLevel(1);
        for (NpyArray array : arrays) {
            writeEntry(zip, array);
        }
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            zip.putNextEntry(new ZipEntry(file.getKey()));
            zip.write(file.getValue());
            zip.closeEntry();
        }
        zip.finish();
    }

    /** Writes one array as an entry {@code NAME.npy}. */
    static void writeEntry(ZipOutputStream zip, NpyArray array) throws IOException {
        zip.putNextEntry(new ZipEntry(array.name() + ".npy"));
        zip.write(header(array));
        zip.write(body(array));
        zip.closeEntry();
    }

    private static byte[] header(NpyArray array) {
        return header(array.shape(), array.isInteger());
    }

    /** @return the .npy header of a little-endian array of this shape: int64 or fp32 */
    static byte[] header(long[] dims, boolean integer) {
        String shape = dims.length == 1 ? dims[0] + ","
                : Arrays.stream(dims).mapToObj(Long::toString).collect(Collectors.joining(", "));
        String dict = "{'descr': '" + (integer ? "<i8" : "<f4") + "', 'fortran_order': False, 'shape': ("
                + shape + "), }";
        int unpadded = MAGIC.length + 4 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String text = dict + " ".repeat(padding) + "\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(MAGIC);
        bytes.write(1);
        bytes.write(0);
        bytes.write(text.length() & 0xFF);
        bytes.write(text.length() >>> 8);
        bytes.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
        return bytes.toByteArray();
    }

    private static byte[] body(NpyArray array) {
        if (array.isInteger()) {
            ByteBuffer b = ByteBuffer.allocate(array.longs().length * 8).order(ByteOrder.LITTLE_ENDIAN);
            b.asLongBuffer().put(array.longs());
            return b.array();
        }
        ByteBuffer b = ByteBuffer.allocate(array.floats().length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(array.floats());
        return b.array();
    }
}
