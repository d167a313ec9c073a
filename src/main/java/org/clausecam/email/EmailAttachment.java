package org.clausecam.email;

/**
 * A part of an e-mail that is not its text: an attached file, a forwarded message, a signature.
 *
 * @param fileName the declared file name, decoded, or empty when the part names none
 * @param mimeType e.g. {@code application/pdf}
 * @param size     size in bytes once transfer-decoded (base64 or quoted-printable removed)
 */
public record EmailAttachment(String fileName, String mimeType, long size) {
}
