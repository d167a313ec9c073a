package org.clausecam.extract;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A report-sized PDF written with PDFBox: every page has a few paragraphs of text that name the
 * page and a picture of noise that does not compress (about 100 KB), as scanned charts and
 * figures make real reports weigh tens of MB.
 */
final class LargePdf {
    /** 350 pages: about 35 MB. */
    static final int PAGES = 350;

    private LargePdf() {
    }

    static String firstWords(int page) {
        return "Section " + page + " opens the risk assessment";
    }

    static String lastWords(int page) {
        return "End of section " + page + " and of the mitigation measures.";
    }

    static byte[] build(int pages) throws IOException {
        Random noise = new Random(15);
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int n = 1; n <= pages; n++) {
                PDPage page = new PDPage();
                doc.addPage(page);
                BufferedImage picture = new BufferedImage(190, 180, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < picture.getHeight(); y++) {
                    for (int x = 0; x < picture.getWidth(); x++) picture.setRGB(x, y, noise.nextInt(0x1000000));
                }
                PDImageXObject image = LosslessFactory.createFromImage(doc, picture);
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    line(content, font, 700, firstWords(n));
                    line(content, font, 686, "of systemic risks stemming from the design and functioning of the service.");
                    content.drawImage(image, 72, 450);
                    line(content, font, 400, lastWords(n));
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static void line(PDPageContentStream content, PDType1Font font, float y, String text) throws IOException {
        content.beginText();
        content.setFont(font, 12);
        content.newLineAtOffset(72, y);
        content.showText(text);
        content.endText();
    }
}
