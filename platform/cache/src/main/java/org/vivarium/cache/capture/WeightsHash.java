package org.vivarium.cache.capture;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.vivarium.api.tensor.Tensor;

/** SHA-256 content hashes of weights and prompt sets, as {@code sha256:<hex>}. */
final class WeightsHash {
    private WeightsHash() {
    }

    /**
     * Hashes named weights: names in sorted order, each with its shape and little-endian values.
     *
     * @param weights the model's weights
     * @return the hash
     */
    static String ofWeights(Map<String, Tensor> weights) {
        MessageDigest md = sha256();
        ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        for (Map.Entry<String, Tensor> e : new TreeMap<>(weights).entrySet()) {
            md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
            for (int d : e.getValue().shape()) {
                md.update(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(d).array());
            }
            for (float v : e.getValue().data()) {
                if (buf.remaining() < 4) {
                    md.update(buf.array(), 0, buf.position());
                    buf.clear();
                }
                buf.putFloat(v);
            }
            md.update(buf.array(), 0, buf.position());
            buf.clear();
        }
        return "sha256:" + HexFormat.of().formatHex(md.digest());
    }

    /**
     * Hashes a prompt list: each prompt's UTF-8 length (int32 LE) and bytes, in order.
     *
     * @param prompts the prompts
     * @return the hash
     */
    static String ofPrompts(List<String> prompts) {
        MessageDigest md = sha256();
        for (String p : prompts) {
            byte[] b = p.getBytes(StandardCharsets.UTF_8);
            md.update(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(b.length).array());
            md.update(b);
        }
        return "sha256:" + HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
