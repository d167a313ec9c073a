package org.clausecam.url;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * URL parsing and serialisation with the WHATWG URL Standard's results (what a browser's
 * {@code link.href} gives), which {@link java.net.URI} does not reproduce: backslashes,
 * percent-encoding sets, dot segments, default ports, host case. Covers what links in web pages
 * use; {@code file:} URLs are special too, with an empty host when none is given.
 *
 * <p>The one URL parser of the agent: links in snapshots, the network guard and the HTTP fetcher
 * all read a URL this way, so that none of them can be steered to a host other than the one the
 * browser would connect to (see {@link WebHost}).
 */
public final class WebUrl {
    private static final Map<String, Integer> SPECIAL = Map.of(
            "http", 80, "https", 443, "ws", 80, "wss", 443, "ftp", 21, "file", -1);

    private String scheme;
    private String username = "";
    private String password = "";
    private WebHost host;         // null: no host
    private Integer port;         // null: default or none
    private List<String> path = new ArrayList<>();
    private String opaquePath;    // non-null: a path that is not a list ("mailto:…")
    private String query;
    private String fragment;

    private WebUrl() {
    }

    /** Parses {@code input} against {@code base} (may be null); empty when the standard says failure. */
    public static Optional<WebUrl> parse(String input, WebUrl base) {
        try {
            return Optional.of(doParse(input, base));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Parses an absolute URL, or {@code input} against {@code base} when base is not null.
     *
     * @throws IllegalArgumentException naming the input and why the standard says failure
     */
    public static WebUrl create(String input, WebUrl base) {
        try {
            return doParse(input, base);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URL: '" + input + "' (" + e.getMessage() + ")", e);
        }
    }

    /** Resolves a link against a page's location; both as strings, the result serialised. */
    public static Optional<String> resolve(String input, String base) {
        Optional<WebUrl> baseUrl = base == null ? Optional.empty() : parse(base, null);
        if (base != null && baseUrl.isEmpty()) return Optional.empty();
        return parse(input, baseUrl.orElse(null)).map(WebUrl::toString);
    }

    private boolean isSpecial() {
        return SPECIAL.containsKey(scheme);
    }

    private static WebUrl doParse(String raw, WebUrl base) {
        String input = clean(raw);
        WebUrl url = new WebUrl();
        int colon = schemeEnd(input);
        if (colon > 0) {
            url.scheme = input.substring(0, colon).toLowerCase(Locale.ROOT);
            String rest = input.substring(colon + 1);
            if (url.scheme.equals("file")) return file(rest, base != null && base.scheme.equals("file") ? base : null, url);
            if (url.isSpecial()) {
                if (base != null && base.scheme.equals(url.scheme) && !startsWithTwoSlashes(rest, true)) {
                    return relative(rest, base, url);
                }
                int i = 0;
                while (i < rest.length() && (rest.charAt(i) == '/' || rest.charAt(i) == '\\')) i++;
                return authority(rest.substring(i), url);
            }
            if (rest.startsWith("//")) return authority(rest.substring(2), url);
            if (rest.startsWith("/")) {
                pathQueryFragment(rest, url);
                return url;
            }
            opaque(rest, url);
            return url;
        }
        if (base == null) throw new IllegalArgumentException("relative URL without a base");
        if (base.opaquePath != null) {
            if (!input.startsWith("#")) throw new IllegalArgumentException("relative URL on an opaque base");
            WebUrl copy = base.copy();
            copy.fragment = PercentEncoding.encode(input.substring(1), PercentEncoding::isFragmentSet);
            return copy;
        }
        url.scheme = base.scheme;
        if (base.scheme.equals("file")) return file(input, base, url);
        return relative(input, base, url);
    }

    /**
     * The standard's file state: {@code file:} keeps its slashes ({@code file:///etc} has an empty
     * host, not the host "etc"), and a Windows drive letter ({@code C:}, {@code C|}) is the first
     * path segment, never a host, never dropped by {@code ..}, and kept from a file base.
     *
     * @param base the base when it is a file URL, else null
     */
    private static WebUrl file(String input, WebUrl base, WebUrl url) {
        url.scheme = "file";
        url.host = new WebHost.Domain("");
        if (!input.isEmpty() && isFileSlash(input.charAt(0))) return fileSlash(input.substring(1), base, url);
        if (base == null) {
            filePath(input, url);
            return url;
        }
        url.host = base.host;
        url.path = new ArrayList<>(base.path);
        url.query = base.query;
        if (input.isEmpty()) return url;
        char c = input.charAt(0);
        if (c == '?') {
            queryFragment(input, url);
            return url;
        }
        if (c == '#') {
            url.fragment = PercentEncoding.encode(input.substring(1), PercentEncoding::isFragmentSet);
            return url;
        }
        url.query = null;
        if (startsWithWindowsDriveLetter(input)) url.path.clear();
        else shortenFilePath(url);
        filePath(input, url);
        return url;
    }

    private static WebUrl fileSlash(String input, WebUrl base, WebUrl url) {
        if (!input.isEmpty() && isFileSlash(input.charAt(0))) return fileHost(input.substring(1), url);
        if (base != null) {
            url.host = base.host;
            if (!startsWithWindowsDriveLetter(input) && !base.path.isEmpty() && isNormalizedWindowsDriveLetter(base.path.get(0))) {
                url.path.add(base.path.get(0));
            }
        }
        filePath(input, url);
        return url;
    }

    private static WebUrl fileHost(String input, WebUrl url) {
        int end = 0;
        while (end < input.length() && "/\\?#".indexOf(input.charAt(end)) < 0) end++;
        String buffer = input.substring(0, end);
        if (isWindowsDriveLetter(buffer)) {
            filePath(input, url);
            return url;
        }
        if (!buffer.isEmpty()) {
            WebHost parsed = WebHost.parseSpecial(buffer);
            url.host = parsed.serialized().equals("localhost") ? new WebHost.Domain("") : parsed;
        }
        String rest = input.substring(end);
        filePath(!rest.isEmpty() && isFileSlash(rest.charAt(0)) ? rest.substring(1) : rest, url);
        return url;
    }

    /** The path state of a file URL, from after a slash (or where no slash is), then query and fragment. */
    private static void filePath(String input, WebUrl url) {
        int end = 0;
        while (end < input.length() && input.charAt(end) != '?' && input.charAt(end) != '#') end++;
        String pathPart = input.substring(0, end);
        int start = 0;
        for (int i = 0; i <= pathPart.length(); i++) {
            if (i < pathPart.length() && !isFileSlash(pathPart.charAt(i))) continue;
            String segment = pathPart.substring(start, i);
            boolean last = i == pathPart.length();
            if (isDoubleDot(segment)) {
                shortenFilePath(url);
                if (last) url.path.add("");
            } else if (isSingleDot(segment)) {
                if (last) url.path.add("");
            } else {
                if (url.path.isEmpty() && isWindowsDriveLetter(segment)) segment = segment.charAt(0) + ":";
                url.path.add(PercentEncoding.encode(segment, PercentEncoding::isPathSet));
            }
            start = i + 1;
        }
        queryFragment(input.substring(end), url);
    }

    private static void shortenFilePath(WebUrl url) {
        if (url.path.size() == 1 && isNormalizedWindowsDriveLetter(url.path.get(0))) return;
        if (!url.path.isEmpty()) url.path.remove(url.path.size() - 1);
    }

    private static boolean isFileSlash(char c) {
        return c == '/' || c == '\\';
    }

    private static boolean isWindowsDriveLetter(String s) {
        return s.length() == 2 && isAsciiAlpha(s.charAt(0)) && (s.charAt(1) == ':' || s.charAt(1) == '|');
    }

    private static boolean isNormalizedWindowsDriveLetter(String s) {
        return isWindowsDriveLetter(s) && s.charAt(1) == ':';
    }

    private static boolean startsWithWindowsDriveLetter(String s) {
        return s.length() >= 2 && isWindowsDriveLetter(s.substring(0, 2)) && (s.length() == 2 || "/\\?#".indexOf(s.charAt(2)) >= 0);
    }

    private static WebUrl relative(String input, WebUrl base, WebUrl url) {
        boolean special = url.isSpecial();
        if (startsWithTwoSlashes(input, special)) {
            int i = 0;
            while (special && i < input.length() && (input.charAt(i) == '/' || input.charAt(i) == '\\')) i++;
            if (!special) i = 2;
            return authority(input.substring(i), url);
        }
        url.username = base.username;
        url.password = base.password;
        url.host = base.host;
        url.port = base.port;
        if (input.isEmpty()) {
            url.path = new ArrayList<>(base.path);
            url.query = base.query;
            return url;
        }
        char c = input.charAt(0);
        if (c == '/' || (special && c == '\\')) {
            pathQueryFragment(input, url);
            return url;
        }
        if (c == '?') {
            url.path = new ArrayList<>(base.path);
            queryFragment(input, url);
            return url;
        }
        if (c == '#') {
            url.path = new ArrayList<>(base.path);
            url.query = base.query;
            url.fragment = PercentEncoding.encode(input.substring(1), PercentEncoding::isFragmentSet);
            return url;
        }
        url.path = new ArrayList<>(base.path);
        if (!url.path.isEmpty()) url.path.remove(url.path.size() - 1);
        pathQueryFragment(input, url);
        return url;
    }

    private static WebUrl authority(String input, WebUrl url) {
        boolean special = url.isSpecial();
        int end = 0;
        while (end < input.length()) {
            char c = input.charAt(end);
            if (c == '/' || c == '?' || c == '#' || (special && c == '\\')) break;
            end++;
        }
        String authority = input.substring(0, end);
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userinfo = authority.substring(0, at);
            int colon = userinfo.indexOf(':');
            url.username = PercentEncoding.encode(colon >= 0 ? userinfo.substring(0, colon) : userinfo, PercentEncoding::isUserinfoSet);
            url.password = colon >= 0 ? PercentEncoding.encode(userinfo.substring(colon + 1), PercentEncoding::isUserinfoSet) : "";
            authority = authority.substring(at + 1);
            if (authority.isEmpty()) throw new IllegalArgumentException("credentials without a host");
        }
        int portColon = -1;
        boolean inBrackets = false;
        for (int i = 0; i < authority.length(); i++) {
            char c = authority.charAt(i);
            if (c == '[') inBrackets = true;
            else if (c == ']') inBrackets = false;
            else if (c == ':' && !inBrackets) {
                portColon = i;
                break;
            }
        }
        String hostPart = portColon >= 0 ? authority.substring(0, portColon) : authority;
        if (hostPart.isEmpty() && special) throw new IllegalArgumentException("empty host");
        if (portColon >= 0 && hostPart.isEmpty()) throw new IllegalArgumentException("port without host");
        url.host = special ? WebHost.parseSpecial(hostPart) : WebHost.parseOpaque(hostPart);
        if (portColon >= 0) {
            String port = authority.substring(portColon + 1);
            if (!port.isEmpty()) {
                if (!port.chars().allMatch(ch -> ch >= '0' && ch <= '9')) throw new IllegalArgumentException("bad port");
                String digits = port.replaceFirst("^0+(?=.)", "");
                if (digits.length() > 5 || Integer.parseInt(digits) > 65535) throw new IllegalArgumentException("bad port");
                int value = Integer.parseInt(digits);
                Integer def = SPECIAL.get(url.scheme);
                url.port = def != null && def == value ? null : value;
            }
        }
        String rest = input.substring(end);
        if (rest.isEmpty()) {
            if (special) url.path.add("");
            return url;
        }
        pathQueryFragment(rest, url);
        return url;
    }

    private static void pathQueryFragment(String input, WebUrl url) {
        boolean special = url.isSpecial();
        int end = 0;
        while (end < input.length() && input.charAt(end) != '?' && input.charAt(end) != '#') end++;
        String pathPart = input.substring(0, end);
        int start = 0;
        if (!pathPart.isEmpty() && (pathPart.charAt(0) == '/' || (special && pathPart.charAt(0) == '\\'))) {
            start = 1;
            if (pathPart.length() >= 1 && !url.path.isEmpty() && input == pathPart) { /* unreachable guard */ }
        }
        boolean absolute = start == 1;
        if (absolute) url.path.clear();
        String body = pathPart.substring(start);
        List<String> segments = new ArrayList<>();
        int s = 0;
        for (int i = 0; i <= body.length(); i++) {
            if (i == body.length() || body.charAt(i) == '/' || (special && body.charAt(i) == '\\')) {
                segments.add(body.substring(s, i));
                s = i + 1;
            }
        }
        if (pathPart.isEmpty()) segments.clear();
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            boolean last = i == segments.size() - 1;
            if (isDoubleDot(segment)) {
                if (!url.path.isEmpty()) url.path.remove(url.path.size() - 1);
                if (last) url.path.add("");
            } else if (isSingleDot(segment)) {
                if (last) url.path.add("");
            } else {
                url.path.add(PercentEncoding.encode(segment, PercentEncoding::isPathSet));
            }
        }
        if (special && url.path.isEmpty()) url.path.add("");
        queryFragment(input.substring(end), url);
    }

    private static void queryFragment(String input, WebUrl url) {
        if (input.isEmpty()) return;
        int hash = input.indexOf('#');
        if (input.charAt(0) == '?') {
            String q = hash >= 0 ? input.substring(1, hash) : input.substring(1);
            url.query = PercentEncoding.encode(q, url.isSpecial() ? PercentEncoding::isSpecialQuerySet : PercentEncoding::isQuerySet);
        }
        if (hash >= 0) url.fragment = PercentEncoding.encode(input.substring(hash + 1), PercentEncoding::isFragmentSet);
    }

    private static void opaque(String input, WebUrl url) {
        int end = 0;
        while (end < input.length() && input.charAt(end) != '?' && input.charAt(end) != '#') end++;
        url.opaquePath = PercentEncoding.encode(input.substring(0, end), PercentEncoding::isC0Set);
        queryFragment(input.substring(end), url);
        if (url.fragment == null && url.query == null) url.opaquePath = stripTrailingSpaces(url.opaquePath);
    }

    private static String stripTrailingSpaces(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') end--;
        return s.substring(0, end);
    }

    private static boolean isSingleDot(String s) {
        return s.equals(".") || s.equalsIgnoreCase("%2e");
    }

    private static boolean isDoubleDot(String s) {
        String l = s.toLowerCase(Locale.ROOT);
        return l.equals("..") || l.equals(".%2e") || l.equals("%2e.") || l.equals("%2e%2e");
    }

    private static boolean startsWithTwoSlashes(String s, boolean special) {
        if (s.length() < 2) return false;
        char a = s.charAt(0);
        char b = s.charAt(1);
        return special ? (a == '/' || a == '\\') && (b == '/' || b == '\\') : a == '/' && b == '/';
    }

    private static int schemeEnd(String input) {
        if (input.isEmpty() || !isAsciiAlpha(input.charAt(0))) return -1;
        for (int i = 1; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c == ':') return i;
            if (!(isAsciiAlpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) return -1;
        }
        return -1;
    }

    private static boolean isAsciiAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static String clean(String raw) {
        int start = 0;
        int end = raw.length();
        while (start < end && raw.charAt(start) <= ' ') start++;
        while (end > start && raw.charAt(end - 1) <= ' ') end--;
        StringBuilder out = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = raw.charAt(i);
            if (c != '\t' && c != '\n' && c != '\r') out.append(c);
        }
        return out.toString();
    }

    public String scheme() {
        return scheme;
    }

    /** The host; empty for URLs without one ({@code mailto:}). */
    public Optional<WebHost> host() {
        return Optional.ofNullable(host);
    }

    /** The port to connect to: the explicit one, else the scheme's default; -1 when neither exists. */
    public int port() {
        if (port != null) return port;
        Integer def = SPECIAL.get(scheme);
        return def == null ? -1 : def;
    }

    /** The request target of an origin-form request line: path and query. */
    public String pathAndQuery() {
        StringBuilder out = new StringBuilder();
        if (opaquePath != null) out.append(opaquePath);
        else for (String segment : path) out.append('/').append(segment);
        if (out.length() == 0) out.append('/');
        if (query != null) out.append('?').append(query);
        return out.toString();
    }

    public WebUrl withoutFragment() {
        WebUrl copy = copy();
        copy.fragment = null;
        return copy;
    }

    /**
     * The same URL as a {@link URI}, for {@code java.net.http}. The standard leaves some
     * characters unencoded that {@code java.net.URI} refuses ({@code |}, {@code ^}, a lone
     * {@code %}, brackets in the path): these are percent-encoded here, which servers read as the same
     * resource. The host is the serialised one, so a connection goes where the browser's would.
     *
     * @throws IllegalArgumentException when {@code java.net.URI} still refuses it (a domain with
     *                                  characters that the standard allows and RFC 3986 does not)
     */
    public URI toUri() {
        StringBuilder out = new StringBuilder(scheme).append(':');
        if (host != null) {
            out.append("//");
            if (!username.isEmpty() || !password.isEmpty()) {
                out.append(JavaUriEscaping.escape(username, false));
                if (!password.isEmpty()) out.append(':').append(JavaUriEscaping.escape(password, false));
                out.append('@');
            }
            out.append(host.serialized());
            if (port != null) out.append(':').append(port);
        }
        if (opaquePath != null) {
            out.append(JavaUriEscaping.escape(opaquePath, false));
        } else {
            if (host == null && path.size() > 1 && path.get(0).isEmpty()) out.append("/.");
            for (String segment : path) out.append('/').append(JavaUriEscaping.escape(segment, false));
        }
        if (query != null) out.append('?').append(JavaUriEscaping.escape(query, true));
        if (fragment != null) out.append('#').append(JavaUriEscaping.escape(fragment, true));
        try {
            return new URI(out.toString());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("java.net.URI cannot hold " + this + ": " + e.getMessage(), e);
        }
    }

    private WebUrl copy() {
        WebUrl c = new WebUrl();
        c.scheme = scheme;
        c.username = username;
        c.password = password;
        c.host = host;
        c.port = port;
        c.path = new ArrayList<>(path);
        c.opaquePath = opaquePath;
        c.query = query;
        c.fragment = fragment;
        return c;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(scheme).append(':');
        if (host != null) {
            out.append("//");
            if (!username.isEmpty() || !password.isEmpty()) {
                out.append(username);
                if (!password.isEmpty()) out.append(':').append(password);
                out.append('@');
            }
            out.append(host.serialized());
            if (port != null) out.append(':').append(port);
        }
        if (opaquePath != null) {
            out.append(opaquePath);
        } else {
            if (host == null && path.size() > 1 && path.get(0).isEmpty()) out.append("/.");
            for (String segment : path) out.append('/').append(segment);
        }
        if (query != null) out.append('?').append(query);
        if (fragment != null) out.append('#').append(fragment);
        return out.toString();
    }
}
