package org.vivarium.index;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;

/**
 * Rewrites the user's query into Lucene classic syntax so that users never escape anything:
 * values of exact fields ({@code feature:sae/L1/812}, {@code feature:probe/misaligned@L2}) are
 * escaped, comparisons ({@code act>3.0}, {@code layer<=2}) become ranges and a bare {@code /} is
 * an ordinary character instead of the start of a regular expression. Quoted phrases are left alone.
 */
final class QueryRewriter {
    private static final Pattern KEYWORD_VALUE = Pattern.compile(
            "(feature|source|model|run|hook):([^\\s()\"\\[{][^\\s()]*)");
    private static final Pattern COMPARISON = Pattern.compile(
            "(act|layer):?\\s*(>=|<=|>|<)\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)(?=[\\s)]|$)");
    private static final Pattern BROKEN_COMPARISON = Pattern.compile("(act|layer):?\\s*(>=|<=|>|<)");

    private QueryRewriter() {
    }

    /**
     * Rewrites one query.
     *
     * @param query the user's query
     * @return the equivalent classic-syntax query
     * @throws ParseException if a comparison is not followed by a number
     */
    static String rewrite(String query) throws ParseException {
        StringBuilder out = new StringBuilder(query.length() + 16);
        int i = 0;
        int n = query.length();
        while (i < n) {
            char c = query.charAt(i);
            if (c == '"') {
                int close = closingQuote(query, i);
                out.append(query, i, close);
                i = close;
                continue;
            }
            if (c == '\\' && i + 1 < n) {
                out.append(query, i, i + 2);
                i += 2;
                continue;
            }
            if (atTokenStart(query, i)) {
                Matcher keyword = KEYWORD_VALUE.matcher(query).region(i, n);
                if (keyword.lookingAt()) {
                    out.append(keyword.group(1)).append(':').append(escapeValue(keyword.group(2)));
                    i = keyword.end();
                    continue;
                }
                Matcher cmp = COMPARISON.matcher(query).region(i, n);
                if (cmp.lookingAt()) {
                    out.append(range(cmp.group(1), cmp.group(2), cmp.group(3)));
                    i = cmp.end();
                    continue;
                }
                Matcher broken = BROKEN_COMPARISON.matcher(query).region(i, n);
                if (broken.lookingAt()) {
                    throw new ParseException(broken.group(1) + broken.group(2) + " must be followed by a number, e.g. "
                            + broken.group(1) + broken.group(2) + ("act".equals(broken.group(1)) ? "3.0" : "1"));
                }
            }
            out.append(c == '/' ? "\\/" : String.valueOf(c));
            i++;
        }
        return out.toString();
    }

    private static int closingQuote(String q, int open) {
        for (int j = open + 1; j < q.length(); j++) {
            if (q.charAt(j) == '\\') {
                j++;
            } else if (q.charAt(j) == '"') {
                return j + 1;
            }
        }
        return q.length();
    }

    private static boolean atTokenStart(String q, int i) {
        if (i == 0) {
            return true;
        }
        char prev = q.charAt(i - 1);
        return Character.isWhitespace(prev) || prev == '(' || prev == '+' || prev == '-' || prev == '!';
    }

    private static String escapeValue(String value) {
        if (value.length() > 1 && value.endsWith("*") && !value.endsWith("\\*")) {
            return QueryParser.escape(value.substring(0, value.length() - 1)) + "*";
        }
        return QueryParser.escape(value);
    }

    private static String range(String field, String op, String number) {
        return switch (op) {
            case ">" -> field + ":{" + number + " TO *]";
            case ">=" -> field + ":[" + number + " TO *]";
            case "<" -> field + ":[* TO " + number + "}";
            default -> field + ":[* TO " + number + "]";
        };
    }
}
