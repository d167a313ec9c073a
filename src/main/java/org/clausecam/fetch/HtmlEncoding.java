package org.clausecam.fetch;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an HTML document's bytes become text: the one decoding of the agent, the same for a page
 * fetched over plain HTTP as for one rendered in Chromium, so that one page gives one version
 * whatever the fetcher.
 *
 * <p>The rules are Chromium's, measured against Chromium 156 (docs/extraction.md, "Decoding"),
 * which follow the HTML Standard's encoding sniffing with labels as the Encoding Standard maps
 * them:
 * <ol>
 *   <li>a byte order mark (UTF-8, UTF-16BE, UTF-16LE) wins over everything;</li>
 *   <li>then the {@code charset} of the {@code Content-Type} header, if its label is known
 *       ({@code iso-8859-1}, {@code latin1}, {@code ascii} are windows-1252);</li>
 *   <li>then a {@code <meta charset>} or {@code <meta http-equiv=Content-Type content="…;
 *       charset=…">}, found as Chromium finds it: by tokenizing (a {@code <meta>} inside a
 *       script, a {@code <title>} or a {@code <textarea>} does not count), anywhere in the first
 *       1,024 bytes and beyond as long as only head elements came; UTF-16 declared there reads
 *       as UTF-8 and {@code x-user-defined} as windows-1252; an unknown label is passed over;</li>
 *   <li>then an XML declaration's {@code encoding} at the very start;</li>
 *   <li>else windows-1252, Chromium's default. Chromium does not guess UTF-8 for a web page
 *       (only for {@code file:} URLs): an undeclared UTF-8 page shows {@code Â©} there, and so
 *       it does here. Chromium may guess other legacy encodings (windows-1251, Shift_JIS) for an
 *       undeclared page that is not UTF-8; that guess is not reproduced (windows-1252 then).</li>
 * </ol>
 *
 * <p>Decoders are the Encoding Standard's: malformed bytes become U+FFFD; the bytes windows-1252
 * and its siblings leave undefined (0x81, 0x8D…) become the C1 control of the same number, as in
 * browsers, where Java's own charsets give U+FFFD.
 */
public final class HtmlEncoding {

    /** What decided the encoding. */
    public enum Source { BYTE_ORDER_MARK, HEADER, META, XML_DECLARATION, DEFAULT }

    /**
     * The encoding of a document.
     *
     * @param name          the Encoding Standard's name ({@code utf-8}, {@code windows-1252}…)
     * @param source        what decided it
     * @param bomLength     bytes of byte order mark to skip
     */
    public record Sniffed(String name, Source source, int bomLength) {
    }

    /** The default for a document that declares nothing: Chromium's, for every locale this agent renders in. */
    public static final String DEFAULT = "windows-1252";

    /** Bytes in which Chromium looks for a {@code <meta>} whatever the elements (beyond: in the head only). */
    static final int META_SCAN_BYTES = 1024;

    private static final Map<String, String> LABELS = labels();

    private HtmlEncoding() {
    }

    /**
     * The text of a fetched HTML document: the browser's serialization is UTF-8 whatever the
     * page's charset; a document fetched over HTTP is decoded as a browser decodes it.
     */
    public static String text(FetchedDocument document) {
        byte[] content = document.content() == null ? new byte[0] : document.content();
        if (document.fetcher() == FetcherKind.BROWSER) {
            return decode(content, new Sniffed("utf-8", Source.HEADER, hasUtf8Bom(content) ? 3 : 0));
        }
        return decode(content, HttpFetcher.first(document.headers(), "content-type"));
    }

    /** Decodes HTML as a browser does, given its {@code Content-Type} header (null when none). */
    public static String decode(byte[] content, String contentType) {
        return decode(content, sniff(content, contentType));
    }

    /** The encoding a browser decodes this HTML with. */
    public static Sniffed sniff(byte[] content, String contentType) {
        if (content.length >= 3 && hasUtf8Bom(content)) {
            return new Sniffed("utf-8", Source.BYTE_ORDER_MARK, 3);
        }
        if (content.length >= 2 && (content[0] & 0xff) == 0xfe && (content[1] & 0xff) == 0xff) {
            return new Sniffed("utf-16be", Source.BYTE_ORDER_MARK, 2);
        }
        if (content.length >= 2 && (content[0] & 0xff) == 0xff && (content[1] & 0xff) == 0xfe) {
            return new Sniffed("utf-16le", Source.BYTE_ORDER_MARK, 2);
        }
        String header = encodingForLabel(charsetParameter(contentType));
        if (header != null) {
            return new Sniffed(header, Source.HEADER, 0);
        }
        String meta = MetaCharsetScanner.scan(content);
        if (meta != null) {
            return new Sniffed(inDocument(meta), Source.META, 0);
        }
        String xml = xmlDeclaration(content);
        if (xml != null) {
            return new Sniffed(inDocument(xml), Source.XML_DECLARATION, 0);
        }
        return new Sniffed(DEFAULT, Source.DEFAULT, 0);
    }

    /**
     * Decodes a document whose encoding is known beforehand, such as a stored snapshot (the
     * browser's serialization, or Open Terms Archive's, is UTF-8): a byte order mark, then the
     * {@code charset} of {@code contentType}, then {@code fallback}; its {@code <meta>} is not
     * read (a serialized page keeps the charset it was served in).
     *
     * @param fallback an encoding label, e.g. {@code utf-8}
     */
    public static String decodeDeclared(byte[] content, String contentType, String fallback) {
        Sniffed bom = sniff(content, null);
        if (bom.source() == Source.BYTE_ORDER_MARK) {
            return decode(content, bom);
        }
        String declared = encodingForLabel(charsetParameter(contentType));
        String name = declared != null ? declared : encodingForLabel(fallback);
        if (name == null) {
            throw new IllegalArgumentException("not an encoding label: " + fallback);
        }
        return decode(content, new Sniffed(name, declared != null ? Source.HEADER : Source.DEFAULT, 0));
    }

    /** Decodes with a sniffed encoding, the byte order mark skipped. */
    public static String decode(byte[] content, Sniffed sniffed) {
        return decode(content, sniffed.bomLength(), content.length - sniffed.bomLength(), sniffed.name());
    }

    /**
     * The Encoding Standard's name for a label ({@code "Latin1"} → {@code windows-1252}), or
     * null for an unknown label.
     */
    public static String encodingForLabel(String label) {
        if (label == null) {
            return null;
        }
        return LABELS.get(label.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * The {@code charset} parameter of a {@code Content-Type} as Chromium reads it: a token or a
     * quoted string, right after {@code charset=} (no space around {@code =}); null when none.
     */
    static String charsetParameter(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        String result = null;
        while (semicolon >= 0) {
            int i = semicolon + 1;
            while (i < contentType.length() && isHttpWhitespace(contentType.charAt(i))) {
                i++;
            }
            int equals = contentType.indexOf('=', i);
            int next = contentType.indexOf(';', i);
            if (equals < 0 || (next >= 0 && next < equals)) {
                semicolon = next;
                continue;
            }
            String name = contentType.substring(i, equals).toLowerCase(Locale.ROOT);
            String value;
            int end;
            if (equals + 1 < contentType.length() && contentType.charAt(equals + 1) == '"') {
                StringBuilder quoted = new StringBuilder();
                int j = equals + 2;
                while (j < contentType.length() && contentType.charAt(j) != '"') {
                    char c = contentType.charAt(j);
                    if (c == '\\' && j + 1 < contentType.length()) {
                        c = contentType.charAt(++j);
                    }
                    quoted.append(c);
                    j++;
                }
                value = quoted.toString();
                end = contentType.indexOf(';', j);
            } else {
                end = contentType.indexOf(';', equals);
                value = contentType.substring(equals + 1, end < 0 ? contentType.length() : end).strip();
            }
            if (name.equals("charset") && result == null && !value.isEmpty()) {
                result = value;
            }
            semicolon = end;
        }
        return result;
    }

    /** An encoding declared inside the document: UTF-16 cannot be, so it reads as UTF-8. */
    private static String inDocument(String encoding) {
        return switch (encoding) {
            case "utf-16be", "utf-16le" -> "utf-8";
            case "x-user-defined" -> "windows-1252";
            default -> encoding;
        };
    }

    private static final Pattern XML_ENCODING = Pattern.compile("^<\\?xml[^>]*?\\sencoding\\s*=\\s*([\"'])([^\"']*)\\1");

    private static String xmlDeclaration(byte[] content) {
        if (content.length < 6 || content[0] != '<' || content[1] != '?' || content[2] != 'x' || content[3] != 'm' || content[4] != 'l') {
            return null;
        }
        Matcher m = XML_ENCODING.matcher(new String(content, 0, Math.min(content.length, META_SCAN_BYTES), StandardCharsets.ISO_8859_1));
        return m.find() ? encodingForLabel(m.group(2)) : null;
    }

    private static boolean hasUtf8Bom(byte[] content) {
        return content.length >= 3 && (content[0] & 0xff) == 0xef && (content[1] & 0xff) == 0xbb && (content[2] & 0xff) == 0xbf;
    }

    private static boolean isHttpWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    // --- decoders ---

    private static final Set<String> WINDOWS_SINGLE_BYTE = Set.of("windows-874", "windows-1250", "windows-1251", "windows-1252",
            "windows-1253", "windows-1254", "windows-1255", "windows-1256", "windows-1257", "windows-1258");

    /** The upper halves (0xA0–0xFF) of the single-byte encodings Java does not carry. */
    private static final Map<String, String> UPPER_HALVES = Map.of(
            "iso-8859-10", "\u00a0\u0104\u0112\u0122\u012a\u0128\u0136\u00a7\u013b\u0110\u0160\u0166\u017d\u00ad\u016a\u014a"
                    + "\u00b0\u0105\u0113\u0123\u012b\u0129\u0137\u00b7\u013c\u0111\u0161\u0167\u017e\u2015\u016b\u014b"
                    + "\u0100\u00c1\u00c2\u00c3\u00c4\u00c5\u00c6\u012e\u010c\u00c9\u0118\u00cb\u0116\u00cd\u00ce\u00cf"
                    + "\u00d0\u0145\u014c\u00d3\u00d4\u00d5\u00d6\u0168\u00d8\u0172\u00da\u00db\u00dc\u00dd\u00de\u00df"
                    + "\u0101\u00e1\u00e2\u00e3\u00e4\u00e5\u00e6\u012f\u010d\u00e9\u0119\u00eb\u0117\u00ed\u00ee\u00ef"
                    + "\u00f0\u0146\u014d\u00f3\u00f4\u00f5\u00f6\u0169\u00f8\u0173\u00fa\u00fb\u00fc\u00fd\u00fe\u0138",
            "iso-8859-14", "\u00a0\u1e02\u1e03\u00a3\u010a\u010b\u1e0a\u00a7\u1e80\u00a9\u1e82\u1e0b\u1ef2\u00ad\u00ae\u0178"
                    + "\u1e1e\u1e1f\u0120\u0121\u1e40\u1e41\u00b6\u1e56\u1e81\u1e57\u1e83\u1e60\u1ef3\u1e84\u1e85\u1e61"
                    + "\u00c0\u00c1\u00c2\u00c3\u00c4\u00c5\u00c6\u00c7\u00c8\u00c9\u00ca\u00cb\u00cc\u00cd\u00ce\u00cf"
                    + "\u0174\u00d1\u00d2\u00d3\u00d4\u00d5\u00d6\u1e6a\u00d8\u00d9\u00da\u00db\u00dc\u00dd\u0176\u00df"
                    + "\u00e0\u00e1\u00e2\u00e3\u00e4\u00e5\u00e6\u00e7\u00e8\u00e9\u00ea\u00eb\u00ec\u00ed\u00ee\u00ef"
                    + "\u0175\u00f1\u00f2\u00f3\u00f4\u00f5\u00f6\u1e6b\u00f8\u00f9\u00fa\u00fb\u00fc\u00fd\u0177\u00ff");

    /** Java's charset for each encoding of the Encoding Standard that has one. */
    private static final Map<String, String> JAVA_CHARSETS = Map.ofEntries(
            Map.entry("utf-8", "UTF-8"), Map.entry("ibm866", "IBM866"), Map.entry("iso-8859-2", "ISO-8859-2"),
            Map.entry("iso-8859-3", "ISO-8859-3"), Map.entry("iso-8859-4", "ISO-8859-4"), Map.entry("iso-8859-5", "ISO-8859-5"),
            Map.entry("iso-8859-6", "ISO-8859-6"), Map.entry("iso-8859-7", "ISO-8859-7"), Map.entry("iso-8859-8", "ISO-8859-8"),
            Map.entry("iso-8859-8-i", "ISO-8859-8"), Map.entry("iso-8859-13", "ISO-8859-13"), Map.entry("iso-8859-15", "ISO-8859-15"),
            Map.entry("iso-8859-16", "ISO-8859-16"), Map.entry("koi8-r", "KOI8-R"), Map.entry("koi8-u", "KOI8-U"),
            Map.entry("macintosh", "x-MacRoman"), Map.entry("windows-874", "x-windows-874"),
            Map.entry("windows-1250", "windows-1250"), Map.entry("windows-1251", "windows-1251"),
            Map.entry("windows-1252", "windows-1252"), Map.entry("windows-1253", "windows-1253"),
            Map.entry("windows-1254", "windows-1254"), Map.entry("windows-1255", "windows-1255"),
            Map.entry("windows-1256", "windows-1256"), Map.entry("windows-1257", "windows-1257"),
            Map.entry("windows-1258", "windows-1258"), Map.entry("x-mac-cyrillic", "x-MacCyrillic"),
            // The Encoding Standard's gbk decoder is its gb18030 decoder.
            Map.entry("gbk", "GB18030"), Map.entry("gb18030", "GB18030"), Map.entry("big5", "Big5-HKSCS"),
            Map.entry("euc-jp", "EUC-JP"), Map.entry("iso-2022-jp", "ISO-2022-JP"), Map.entry("shift_jis", "windows-31j"),
            Map.entry("euc-kr", "x-windows-949"), Map.entry("utf-16be", "UTF-16BE"), Map.entry("utf-16le", "UTF-16LE"));

    private static final Map<String, char[]> SINGLE_BYTE_TABLES = new java.util.concurrent.ConcurrentHashMap<>();

    private static String decode(byte[] content, int offset, int length, String encoding) {
        switch (encoding) {
            case "utf-8":
                return new String(content, offset, length, StandardCharsets.UTF_8);
            case "replacement":
                return length == 0 ? "" : "\ufffd";
            case "x-user-defined": {
                char[] out = new char[length];
                for (int i = 0; i < length; i++) {
                    int b = content[offset + i] & 0xff;
                    out[i] = (char) (b < 0x80 ? b : 0xf780 + b - 0x80);
                }
                return new String(out);
            }
            default:
                break;
        }
        char[] table = singleByteTable(encoding);
        if (table != null) {
            char[] out = new char[length];
            for (int i = 0; i < length; i++) {
                out[i] = table[content[offset + i] & 0xff];
            }
            return new String(out);
        }
        return new String(content, offset, length, Charset.forName(JAVA_CHARSETS.get(encoding)));
    }

    /** The 256 characters of a single-byte encoding, or null for a multi-byte one. */
    private static char[] singleByteTable(String encoding) {
        if (UPPER_HALVES.containsKey(encoding)) {
            return SINGLE_BYTE_TABLES.computeIfAbsent(encoding, e -> {
                char[] table = new char[256];
                for (int b = 0; b < 0xa0; b++) {
                    table[b] = (char) b;
                }
                UPPER_HALVES.get(e).getChars(0, 96, table, 0xa0);
                return table;
            });
        }
        String java = JAVA_CHARSETS.get(encoding);
        if (java == null || encoding.startsWith("utf-") || Set.of("gbk", "gb18030", "big5", "euc-jp", "iso-2022-jp",
                "shift_jis", "euc-kr").contains(encoding)) {
            return null;
        }
        return SINGLE_BYTE_TABLES.computeIfAbsent(encoding, e -> {
            byte[] all = new byte[256];
            for (int b = 0; b < 256; b++) {
                all[b] = (byte) b;
            }
            char[] table = new String(all, Charset.forName(java)).toCharArray();
            if (table.length != 256) {
                throw new IllegalStateException(java + " is not a single-byte charset");
            }
            if (WINDOWS_SINGLE_BYTE.contains(e)) {
                // Bytes the code page leaves undefined are C1 controls in the Encoding Standard.
                for (int b = 0x80; b < 0xa0; b++) {
                    if (table[b] == '\ufffd') {
                        table[b] = (char) b;
                    }
                }
            }
            return table;
        });
    }

    private static Map<String, String> labels() {
        Map<String, List<String>> byName = new java.util.LinkedHashMap<>();
        byName.put("utf-8", List.of("unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8", "x-unicode20utf8"));
        byName.put("ibm866", List.of("866", "cp866", "csibm866", "ibm866"));
        byName.put("iso-8859-2", List.of("csisolatin2", "iso-8859-2", "iso-ir-101", "iso8859-2", "iso88592", "iso_8859-2",
                "iso_8859-2:1987", "l2", "latin2"));
        byName.put("iso-8859-3", List.of("csisolatin3", "iso-8859-3", "iso-ir-109", "iso8859-3", "iso88593", "iso_8859-3",
                "iso_8859-3:1988", "l3", "latin3"));
        byName.put("iso-8859-4", List.of("csisolatin4", "iso-8859-4", "iso-ir-110", "iso8859-4", "iso88594", "iso_8859-4",
                "iso_8859-4:1988", "l4", "latin4"));
        byName.put("iso-8859-5", List.of("csisolatincyrillic", "cyrillic", "iso-8859-5", "iso-ir-144", "iso8859-5", "iso88595",
                "iso_8859-5", "iso_8859-5:1988"));
        byName.put("iso-8859-6", List.of("arabic", "asmo-708", "csiso88596e", "csiso88596i", "csisolatinarabic", "ecma-114",
                "iso-8859-6", "iso-8859-6-e", "iso-8859-6-i", "iso-ir-127", "iso8859-6", "iso88596", "iso_8859-6", "iso_8859-6:1987"));
        byName.put("iso-8859-7", List.of("csisolatingreek", "ecma-118", "elot_928", "greek", "greek8", "iso-8859-7", "iso-ir-126",
                "iso8859-7", "iso88597", "iso_8859-7", "iso_8859-7:1987", "sun_eu_greek"));
        byName.put("iso-8859-8", List.of("csiso88598e", "csisolatinhebrew", "hebrew", "iso-8859-8", "iso-8859-8-e", "iso-ir-138",
                "iso8859-8", "iso88598", "iso_8859-8", "iso_8859-8:1988", "visual"));
        byName.put("iso-8859-8-i", List.of("csiso88598i", "iso-8859-8-i", "logical"));
        byName.put("iso-8859-10", List.of("csisolatin6", "iso-8859-10", "iso-ir-157", "iso8859-10", "iso885910", "l6", "latin6"));
        byName.put("iso-8859-13", List.of("iso-8859-13", "iso8859-13", "iso885913"));
        byName.put("iso-8859-14", List.of("iso-8859-14", "iso8859-14", "iso885914"));
        byName.put("iso-8859-15", List.of("csisolatin9", "iso-8859-15", "iso8859-15", "iso885915", "iso_8859-15", "l9"));
        byName.put("iso-8859-16", List.of("iso-8859-16"));
        byName.put("koi8-r", List.of("cskoi8r", "koi", "koi8", "koi8-r", "koi8_r"));
        byName.put("koi8-u", List.of("koi8-ru", "koi8-u"));
        byName.put("macintosh", List.of("csmacintosh", "mac", "macintosh", "x-mac-roman"));
        byName.put("windows-874", List.of("dos-874", "iso-8859-11", "iso8859-11", "iso885911", "tis-620", "windows-874"));
        byName.put("windows-1250", List.of("cp1250", "windows-1250", "x-cp1250"));
        byName.put("windows-1251", List.of("cp1251", "windows-1251", "x-cp1251"));
        byName.put("windows-1252", List.of("ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1",
                "iso-ir-100", "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1", "us-ascii", "windows-1252",
                "x-cp1252"));
        byName.put("windows-1253", List.of("cp1253", "windows-1253", "x-cp1253"));
        byName.put("windows-1254", List.of("cp1254", "csisolatin5", "iso-8859-9", "iso-ir-148", "iso8859-9", "iso88599",
                "iso_8859-9", "iso_8859-9:1989", "l5", "latin5", "windows-1254", "x-cp1254"));
        byName.put("windows-1255", List.of("cp1255", "windows-1255", "x-cp1255"));
        byName.put("windows-1256", List.of("cp1256", "windows-1256", "x-cp1256"));
        byName.put("windows-1257", List.of("cp1257", "windows-1257", "x-cp1257"));
        byName.put("windows-1258", List.of("cp1258", "windows-1258", "x-cp1258"));
        byName.put("x-mac-cyrillic", List.of("x-mac-cyrillic", "x-mac-ukrainian"));
        byName.put("gbk", List.of("chinese", "csgb2312", "csiso58gb231280", "gb2312", "gb_2312", "gb_2312-80", "gbk", "iso-ir-58", "x-gbk"));
        byName.put("gb18030", List.of("gb18030"));
        byName.put("big5", List.of("big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5"));
        byName.put("euc-jp", List.of("cseucpkdfmtjapanese", "euc-jp", "x-euc-jp"));
        byName.put("iso-2022-jp", List.of("csiso2022jp", "iso-2022-jp"));
        byName.put("shift_jis", List.of("csshiftjis", "ms932", "ms_kanji", "shift-jis", "shift_jis", "sjis", "windows-31j", "x-sjis"));
        byName.put("euc-kr", List.of("cseuckr", "csksc56011987", "euc-kr", "iso-ir-149", "korean", "ks_c_5601-1987", "ks_c_5601-1989",
                "ksc5601", "ksc_5601", "windows-949"));
        byName.put("replacement", List.of("csiso2022kr", "hz-gb-2312", "iso-2022-cn", "iso-2022-cn-ext", "iso-2022-kr"));
        byName.put("utf-16be", List.of("unicodefffe", "utf-16be"));
        byName.put("utf-16le", List.of("csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff", "utf-16", "utf-16le"));
        byName.put("x-user-defined", List.of("x-user-defined"));
        Map<String, String> labels = new HashMap<>();
        byName.forEach((name, list) -> list.forEach(label -> labels.put(label, name)));
        return Map.copyOf(labels);
    }
}
