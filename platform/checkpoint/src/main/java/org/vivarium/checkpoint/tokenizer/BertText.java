package org.vivarium.checkpoint.tokenizer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * BERT's text normaliser and pre-tokeniser, character for character as Hugging Face {@code tokenizers} does it
 * ({@code BertNormalizer}, then {@code BertPreTokenizer}): clean, space out CJK ideographs, strip accents,
 * lower-case, then split on whitespace and isolate every punctuation character.
 */
final class BertText {
    private BertText() {
    }

    /**
     * Normalises text.
     *
     * @param text raw text
     * @param s which steps to run
     * @return the normalised text
     */
    static String normalize(String text, WordPieceSettings s) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            if (s.cleanText()) {
                if (c == 0 || c == 0xFFFD || isControl(c)) {
                    return;
                }
                if (isWhitespace(c)) {
                    sb.append(' ');
                    return;
                }
            }
            if (s.handleChineseChars() && isChinese(c)) {
                sb.append(' ').appendCodePoint(c).append(' ');
            } else {
                sb.appendCodePoint(c);
            }
        });
        String out = sb.toString();
        if (s.stripAccents()) {
            StringBuilder kept = new StringBuilder(out.length());
            Normalizer.normalize(out, Normalizer.Form.NFD).codePoints()
                    .filter(c -> Character.getType(c) != Character.NON_SPACING_MARK).forEach(kept::appendCodePoint);
            out = kept.toString();
        }
        if (s.lowercase()) {
            // per code point, like Rust's char::to_lowercase (no final-sigma context)
            StringBuilder low = new StringBuilder(out.length());
            out.codePoints().forEach(c -> low.append(new String(Character.toChars(c)).toLowerCase(Locale.ROOT)));
            out = low.toString();
        }
        return out;
    }

    /**
     * Splits normalised text into words: whitespace separates, each punctuation character stands alone.
     *
     * @param text normalised text
     * @return the words, in order
     */
    static List<String> preTokenize(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (isWhitespace(c) || isPunctuation(c)) {
                if (cur.length() > 0) {
                    words.add(cur.toString());
                    cur.setLength(0);
                }
                if (!isWhitespace(c)) {
                    words.add(new String(Character.toChars(c)));
                }
            } else {
                cur.appendCodePoint(c);
            }
        });
        if (cur.length() > 0) {
            words.add(cur.toString());
        }
        return words;
    }

    /** Unicode White_Space, as Rust's {@code char::is_whitespace} (Java's own definition differs, e.g. on NBSP). */
    static boolean isWhitespace(int c) {
        return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0x85 || c == 0xA0 || c == 0x1680
                || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F
                || c == 0x3000;
    }

    /** Categories Cc, Cf, Cn, Co, Cs except tab, newline and carriage return. */
    private static boolean isControl(int c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return false;
        }
        int t = Character.getType(c);
        return t == Character.CONTROL || t == Character.FORMAT || t == Character.UNASSIGNED
                || t == Character.PRIVATE_USE || t == Character.SURROGATE;
    }

    /** ASCII punctuation and symbols, or any Unicode punctuation category (Pc, Pd, Pe, Pf, Pi, Po, Ps). */
    private static boolean isPunctuation(int c) {
        if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)) {
            return true;
        }
        int t = Character.getType(c);
        return t == Character.CONNECTOR_PUNCTUATION || t == Character.DASH_PUNCTUATION
                || t == Character.END_PUNCTUATION || t == Character.FINAL_QUOTE_PUNCTUATION
                || t == Character.INITIAL_QUOTE_PUNCTUATION || t == Character.OTHER_PUNCTUATION
                || t == Character.START_PUNCTUATION;
    }

    /** The CJK ideograph blocks BERT spaces out. */
    private static boolean isChinese(int c) {
        return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2A6DF)
                || (c >= 0x2A700 && c <= 0x2B73F) || (c >= 0x2B740 && c <= 0x2B81F) || (c >= 0x2B920 && c <= 0x2CEAF)
                || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
    }
}
