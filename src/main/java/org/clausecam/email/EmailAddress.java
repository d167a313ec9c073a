package org.clausecam.email;

/**
 * One mailbox from an address header.
 *
 * @param name    the display name, decoded (RFC 2047), or empty
 * @param address the address, e.g. {@code privacy@example.com}
 */
public record EmailAddress(String name, String address) {

    public EmailAddress {
        name = name == null ? "" : name;
    }

    /** {@code Name <address>}, or the bare address when there is no name. */
    @Override
    public String toString() {
        return name.isEmpty() ? address : name + " <" + address + ">";
    }
}
