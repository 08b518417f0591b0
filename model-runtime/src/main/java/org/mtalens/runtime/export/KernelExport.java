package org.mtalens.runtime.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mtalens.runtime.checkpoint.Checkpoint;
import org.mtalens.runtime.checkpoint.Tensor;

/**
 * A checkpoint's MTA kernels as JSON: {@code {"checkpoint", "pad_key", "kernels": [{name, layer, kind, shape,
 * values}]}} with values flattened row-major, written atomically.
 */
public final class KernelExport {
    private static final Pattern KERNEL = Pattern.compile(
            "layers\\.(\\d+)\\.attention\\.(mta_kernel|mta_kernel_after_sm|head_kernel|wpsm|wposm)(\\.weight)?");

    private KernelExport() {
    }

    /** @return the JSON document's content */
    public static Map<String, Object> document(Checkpoint checkpoint) {
        List<Map<String, Object>> kernels = new ArrayList<>();
        for (Tensor tensor : checkpoint.tensors().values()) {
            Matcher m = KERNEL.matcher(tensor.name());
            if (m.matches()) {
                Map<String, Object> kernel = new LinkedHashMap<>();
                kernel.put("name", tensor.name());
                kernel.put("layer", Integer.parseInt(m.group(1)));
                kernel.put("kind", m.group(2));
                kernel.put("shape", tensor.shape());
                kernel.put("values", tensor.toFloatArray());
                kernels.add(kernel);
            }
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("checkpoint", checkpoint.source().toString());
        root.put("pad_key", checkpoint.config().mta().padKey().id());
        root.put("kernels", kernels);
        return root;
    }

    /** Writes {@link #document} to {@code file} atomically. */
    public static void writeJson(Checkpoint checkpoint, Path file) throws IOException {
        byte[] json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(document(checkpoint));
        AtomicFiles.write(file, out -> out.write(json));
    }
}
