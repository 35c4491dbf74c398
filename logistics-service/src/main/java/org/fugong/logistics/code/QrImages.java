package org.fugong.logistics.code;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/** The pass code as a QR image (ZXing), for print and for a phone's screen. */
public final class QrImages {

    /** Side of the image in pixels: a printed pass at 300 dpi is about 4 cm wide. */
    public static final int SIZE = 480;

    private QrImages() {
    }

    /**
     * Error correction M (15 %): a code with a three-region route is about 280 ASCII characters, a
     * version-12 symbol (65 × 65 modules) that phone cameras read at arm's length and that survives a
     * crease or a smudge on a windscreen; each further region adds about 11 characters.
     */
    public static byte[] png(String code) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(code, BarcodeFormat.QR_CODE, SIZE, SIZE,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "PNG", out);
            return out.toByteArray();
        } catch (WriterException e) {
            throw new IllegalStateException("the pass code does not fit a QR symbol", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
