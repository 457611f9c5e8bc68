package org.vivarium.cache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.vivarium.api.context.TokenText;

/**
 * The stored form of one sequence's tokens (a MapDB value): version byte {@code 1}, the spaced flag, the token count,
 * then per token its id (int32) and its display text (int32 length + UTF-8 bytes), all big-endian.
 */
final class TokenCodec {
    private static final int VERSION = 1;

    private TokenCodec() {
    }

    static byte[] encode(TokenText t) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + 8 * t.length());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeBoolean(t.spaced());
            out.writeInt(t.length());
            for (int i = 0; i < t.length(); i++) {
                byte[] text = t.piece(i).getBytes(StandardCharsets.UTF_8);
                out.writeInt(t.id(i));
                out.writeInt(text.length);
                out.write(text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode tokens", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Decodes stored tokens.
     *
     * @param b the stored bytes
     * @return the tokens
     * @throws IOException if the bytes are truncated or of an unknown version
     */
    static TokenText decode(byte[] b) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(b))) {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new IOException("tokens stored in format " + version + ", expected " + VERSION);
            }
            boolean spaced = in.readBoolean();
            int n = in.readInt();
            if (n < 0 || n > b.length) {
                throw new IOException("token count " + n + " does not fit " + b.length + " bytes");
            }
            int[] ids = new int[n];
            String[] pieces = new String[n];
            for (int i = 0; i < n; i++) {
                ids[i] = in.readInt();
                int len = in.readInt();
                if (len < 0 || len > b.length) {
                    throw new IOException("token text length " + len + " does not fit " + b.length + " bytes");
                }
                pieces[i] = new String(in.readNBytes(len), StandardCharsets.UTF_8);
            }
            return new TokenText(ids, pieces, spaced);
        }
    }
}
