package io.hookline.runtime.secrets;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;

/**
 * The DER form of an ECDSA signature, {@code SEQUENCE { r INTEGER, s INTEGER }}, read as Go's {@code asn1.Unmarshal}
 * does for Mattermost (bytes after the sequence are tolerated) and written canonically for Java's verifier.
 */
final class EcdsaDer {

    private EcdsaDer() {
    }

    /** {r, s}, or null when the bytes do not start with such a sequence. */
    static BigInteger[] decode(byte[] der) {
        Reader in = new Reader(der, 0, der.length);
        Reader seq = in.element(0x30);
        if (seq == null) {
            return null;
        }
        Reader r = seq.element(0x02);
        Reader s = r == null ? null : seq.element(0x02);
        if (s == null || seq.pos != seq.end || !r.minimalInteger() || !s.minimalInteger()) {
            return null;
        }
        return new BigInteger[] {r.integer(), s.integer()};
    }

    static byte[] encode(BigInteger r, BigInteger s) {
        byte[] rb = r.toByteArray();
        byte[] sb = s.toByteArray();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeElement(body, 0x02, rb);
        writeElement(body, 0x02, sb);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeElement(out, 0x30, body.toByteArray());
        return out.toByteArray();
    }

    private static void writeElement(ByteArrayOutputStream out, int tag, byte[] content) {
        out.write(tag);
        int n = content.length;
        if (n < 128) {
            out.write(n);
        } else if (n < 256) {
            out.write(0x81);
            out.write(n);
        } else {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n & 0xff);
        }
        out.write(content, 0, n);
    }

    /** A window on the bytes; reading an element moves {@code pos} past it. */
    private static final class Reader {
        final byte[] bytes;
        final int start;
        final int end;
        int pos;

        Reader(byte[] bytes, int start, int end) {
            this.bytes = bytes;
            this.start = start;
            this.end = end;
            this.pos = start;
        }

        /** The content of the next element if it has {@code tag} and a valid definite length, else null. */
        Reader element(int tag) {
            if (pos + 2 > end || (bytes[pos] & 0xff) != tag) {
                return null;
            }
            int p = pos + 1;
            int first = bytes[p++] & 0xff;
            int length;
            if (first < 0x80) {
                length = first;
            } else {
                int count = first & 0x7f;
                if (count == 0 || count > 3 || p + count > end) {
                    return null;
                }
                length = 0;
                for (int i = 0; i < count; i++) {
                    length = (length << 8) | (bytes[p++] & 0xff);
                }
                if (length < 0x80 || (count > 1 && (length >> ((count - 1) * 8)) == 0)) {
                    return null; // DER requires the shortest length form, and Go checks it
                }
            }
            if (p + length > end) {
                return null;
            }
            pos = p + length;
            return new Reader(bytes, p, p + length);
        }

        /** Go's asn1 refuses empty integers and redundant leading 0x00 or 0xff bytes. */
        boolean minimalInteger() {
            int n = end - start;
            if (n == 0) {
                return false;
            }
            if (n > 1) {
                int b0 = bytes[start] & 0xff;
                int b1 = bytes[start + 1] & 0xff;
                return !(b0 == 0 && (b1 & 0x80) == 0) && !(b0 == 0xff && (b1 & 0x80) != 0);
            }
            return true;
        }

        BigInteger integer() {
            byte[] b = new byte[end - start];
            System.arraycopy(bytes, start, b, 0, b.length);
            return new BigInteger(b);
        }
    }
}
