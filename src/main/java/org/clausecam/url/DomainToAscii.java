package org.clausecam.url;

import com.ibm.icu.text.IDNA;

import java.util.EnumSet;
import java.util.Set;

/**
 * The URL Standard's "domain to ASCII" with beStrict false: UTS #46 processing with
 * CheckHyphens=false, CheckBidi=true, CheckJoiners=true, UseSTD3ASCIIRules=false,
 * Transitional_Processing=false and VerifyDnsLength=false. ICU's implementation is the one
 * Chromium uses, so a host means here what it means to the browser: {@code faß.de} is
 * {@code xn--fa-hia.de} (java.net.IDN, IDNA 2003, would make it {@code fass.de}, another domain).
 */
final class DomainToAscii {

    private static final IDNA UTS46 = IDNA.getUTS46Instance(IDNA.NONTRANSITIONAL_TO_ASCII | IDNA.CHECK_BIDI | IDNA.CHECK_CONTEXTJ);

    /** ICU always reports these; the standard turns their checks off (CheckHyphens, VerifyDnsLength false). */
    private static final Set<IDNA.Error> NOT_CHECKED = EnumSet.of(
            IDNA.Error.HYPHEN_3_4, IDNA.Error.LEADING_HYPHEN, IDNA.Error.TRAILING_HYPHEN,
            IDNA.Error.EMPTY_LABEL, IDNA.Error.LABEL_TOO_LONG, IDNA.Error.DOMAIN_NAME_TOO_LONG);

    private DomainToAscii() {
    }

    /**
     * @throws IllegalArgumentException naming the domain and the errors, when the standard says failure
     */
    static String convert(String domain) {
        StringBuilder ascii = new StringBuilder();
        IDNA.Info info = new IDNA.Info();
        UTS46.nameToASCII(domain, ascii, info);
        Set<IDNA.Error> errors = EnumSet.noneOf(IDNA.Error.class);
        errors.addAll(info.getErrors());
        errors.removeAll(NOT_CHECKED);
        if (!errors.isEmpty()) throw new IllegalArgumentException("bad domain '" + domain + "': " + errors);
        return ascii.toString();
    }
}
