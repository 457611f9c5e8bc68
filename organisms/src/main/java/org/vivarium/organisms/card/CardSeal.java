package org.vivarium.organisms.card;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.vivarium.api.VivariumException;
import org.vivarium.report.io.AtomicText;

/**
 * Seals a trained organism's truth card into {@value #FILE} in its run directory (beside {@code checkpoint/}):
 * the card as JSON, encrypted with AES-256-GCM under a 32-byte host key. The file is text: a header line, the
 * key id (a hash of the key, so a wrong key is named before decrypting), the nonce and the ciphertext in
 * Base64. Nothing of the card is readable without the key, and GCM's tag makes a tampered or wrongly keyed
 * file fail instead of decrypting to garbage.
 *
 * <pre>{@code
 * CardSeal.seal(card, runDir, key);            // after training
 * TruthCard card = CardSeal.unseal(runDir, key); // after the auditors finish
 * }</pre>
 */
public final class CardSeal {
    /** The sealed card's file name in a run directory. */
    public static final String FILE = "truth-card.sealed";
    /** Length of a host key: AES-256. */
    public static final int KEY_BYTES = 32;

    private static final String HEADER = "vivarium sealed truth card v1 (AES-256-GCM)";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Gson GSON = new Gson();
    private static final SecureRandom RANDOM = new SecureRandom();

    private CardSeal() {
    }

    /**
     * @param runDir an organism's run directory
     * @return where its sealed card lives
     */
    public static Path file(Path runDir) {
        return runDir.resolve(FILE);
    }

    /**
     * @param runDir an organism's run directory
     * @return whether it holds a sealed card
     */
    public static boolean isSealed(Path runDir) {
        return Files.isRegularFile(file(runDir));
    }

    /**
     * Encrypts a card into the run directory, replacing any sealed card there (atomically).
     *
     * @param card the card
     * @param runDir the run directory (created if missing)
     * @param key the host key, {@value #KEY_BYTES} bytes
     * @throws IllegalArgumentException if the key has the wrong length
     * @throws VivariumException if the file cannot be written
     */
    public static void seal(TruthCard card, Path runDir, byte[] key) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        String id = keyId(key);
        byte[] data;
        try {
            data = crypt(Cipher.ENCRYPT_MODE, key, nonce, id, GSON.toJson(card).getBytes(StandardCharsets.UTF_8));
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("encryption checked a tag", e);
        }
        Base64.Encoder b64 = Base64.getEncoder();
        AtomicText.write(file(runDir), HEADER + "\nkey-id: " + id + "\nnonce: " + b64.encodeToString(nonce)
                + "\ndata: " + b64.encodeToString(data) + "\n");
    }

    /**
     * Tells whether the run's card was sealed with this key, without decrypting it.
     *
     * @param runDir the run directory
     * @param key the host key
     * @return true if the key ids match
     * @throws VivariumException if there is no sealed card or it is damaged
     */
    public static boolean sealedWith(Path runDir, byte[] key) {
        return read(runDir).get("key-id").equals(keyId(key));
    }

    /**
     * Checks, without decrypting, that the run's card was sealed with this key.
     *
     * @param runDir the run directory
     * @param key the host key
     * @throws VivariumException if there is no sealed card, it is damaged, or it was sealed with another key
     */
    public static void requireKey(Path runDir, byte[] key) {
        if (!sealedWith(runDir, key)) {
            throw new VivariumException("the truth card of " + runDir + " was sealed with another host key",
                    "audit on the machine that trained it, or retrain");
        }
    }

    /**
     * Decrypts the run's card.
     *
     * @param runDir the run directory
     * @param key the host key
     * @return the card
     * @throws VivariumException if there is no sealed card, it is damaged, or it was sealed with another key
     */
    public static TruthCard unseal(Path runDir, byte[] key) {
        requireKey(runDir, key);
        Map<String, String> parts = read(runDir);
        String id = keyId(key);
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] plain;
        try {
            plain = crypt(Cipher.DECRYPT_MODE, key, b64.decode(parts.get("nonce")), id, b64.decode(parts.get("data")));
        } catch (IllegalArgumentException e) {
            throw damaged(runDir, "its Base64 does not decode");
        } catch (AEADBadTagException e) {
            // the key id matched, so the file was changed after sealing
            throw damaged(runDir, "it does not authenticate under the host key (changed after sealing)");
        }
        try {
            return GSON.fromJson(new String(plain, StandardCharsets.UTF_8), TruthCard.class);
        } catch (JsonParseException e) {
            throw damaged(runDir, "it decrypts to no truth card");
        }
    }

    private static Map<String, String> read(Path runDir) {
        Path f = file(runDir);
        if (!Files.isRegularFile(f)) {
            throw new VivariumException("the run " + runDir + " has no sealed truth card (" + FILE + ")",
                    "train it with 'viv organism train NAME --out " + runDir + "'");
        }
        String[] lines;
        try {
            lines = Files.readString(f, StandardCharsets.UTF_8).split("\n");
        } catch (IOException e) {
            throw new VivariumException("cannot read " + f + ": " + e.getMessage(), "check its permissions", e);
        }
        if (lines.length < 4 || !lines[0].equals(HEADER)) {
            throw damaged(runDir, "its header is not '" + HEADER + "'");
        }
        Map<String, String> parts = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(": ");
            if (colon > 0) {
                parts.put(lines[i].substring(0, colon), lines[i].substring(colon + 2).strip());
            }
        }
        for (String k : new String[] {"key-id", "nonce", "data"}) {
            if (!parts.containsKey(k)) {
                throw damaged(runDir, "it has no " + k + " line");
            }
        }
        return parts;
    }

    private static byte[] crypt(int mode, byte[] key, byte[] nonce, String keyId, byte[] in)
            throws AEADBadTagException {
        checkKey(key);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD((HEADER + keyId).getBytes(StandardCharsets.UTF_8));
            return c.doFinal(in);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot do AES-256-GCM, which every Java 17 runtime provides", e);
        }
    }

    /**
     * Names a key without revealing it: the first 8 bytes of SHA-256 over a label and the key, in hex.
     *
     * @param key the host key
     * @return 16 hex digits
     */
    static String keyId(byte[] key) {
        checkKey(key);
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update("vivarium truth-card seal key".getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(Arrays.copyOf(md.digest(key), 8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM lacks SHA-256, which every Java 17 runtime must provide", e);
        }
    }

    private static void checkKey(byte[] key) {
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("a seal key is " + KEY_BYTES + " bytes, got "
                    + (key == null ? "none" : key.length));
        }
    }

    private static VivariumException damaged(Path runDir, String why) {
        return new VivariumException("the sealed truth card " + file(runDir) + " is damaged: " + why,
                "retrain the run with 'viv organism train NAME --out " + runDir + "'");
    }
}
