package org.clausecam.png;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;

/** The PNG file layout shared by the reader and the writer: the signature and the chunks. */
final class PngChunks {

    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    static final int IHDR = 0x49484452;
    static final int PLTE = 0x504c5445;
    static final int TRNS = 0x74524e53;
    static final int IDAT = 0x49444154;
    static final int IEND = 0x49454e44;

    private PngChunks() {
    }

    /** Writes one chunk: length, type, the first {@code length} bytes of {@code data}, CRC. */
    static void write(OutputStream out, int type, byte[] data, int length) throws IOException {
        byte[] field = new byte[4];
        putInt(field, 0, type);
        CRC32 crc = new CRC32();
        crc.update(field);
        crc.update(data, 0, length);
        byte[] lengthField = new byte[4];
        putInt(lengthField, 0, length);
        out.write(lengthField);
        out.write(field);
        out.write(data, 0, length);
        putInt(field, 0, (int) crc.getValue());
        out.write(field);
    }

    static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
