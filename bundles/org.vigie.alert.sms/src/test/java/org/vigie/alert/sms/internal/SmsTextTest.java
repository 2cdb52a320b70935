package org.vigie.alert.sms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SmsTextTest {

    static final String ALERT = "Vigilance orange — La Loire à Orléans (K435001010) : hauteur observée 4,35 m le"
            + " 13/01/2026 à 09:00 (heure de Paris), seuil orange 4,00 m (crue débordante). Niveau précédent : vert.";

    @Test
    void shortGsmTextIsKeptWithItsAccents() {
        assertEquals("Crue à Orléans : 4,35 m, débit 950 m3/s", SmsText.shorten("Crue à Orléans : 4,35 m, débit 950"
                + " m³/s", 160, 70, true));
    }

    @Test
    void typographicPunctuationIsFolded() {
        assertEquals("Vigilance orange - \" l'Loire \"...",
                SmsText.fold("Vigilance orange — «\u00A0l’Loire\u00A0»…", false));
        assertEquals("Vigilance orange - La Loire", SmsText.fold("Vigilance orange — La Loire", false));
    }

    @Test
    void longGsmTextIsCutToOneSmsAtAWord() {
        String sms = SmsText.shorten(ALERT, 160, 70, true);

        assertTrue(SmsText.isGsm7(sms), sms);
        assertTrue(SmsText.units(sms, true) <= 160, sms.length() + ": " + sms);
        assertTrue(sms.endsWith("..."), sms);
        assertTrue(sms.startsWith("Vigilance orange - La Loire à Orléans (K435001010) : hauteur observée 4,35 m"), sms);
        assertFalse(sms.endsWith(" ..."), sms);
    }

    @Test
    void frenchLettersOutsideGsm7AreTransliteratedWhenAsked() {
        String text = "Crue de la Loire à Saint-Jean-le-Blanc : hausse rapide, fenêtres de l'Hôtel, garçon, cœur";

        String sms = SmsText.shorten(text, 160, 70, true);

        assertEquals("Crue de la Loire à Saint-Jean-le-Blanc : hausse rapide, fenetres de l'Hotel, garcon, coeur",
                sms);
        assertTrue(SmsText.isGsm7(sms));
    }

    @Test
    void withoutTransliterationATextOutsideGsm7IsCutToUcs2Length() {
        String text = "Crue de la Loire : hausse rapide aux fenêtres de l'Hôtel de ville, évacuation du quai";

        String sms = SmsText.shorten(text, 160, 70, false);

        assertTrue(sms.length() <= 70, sms.length() + ": " + sms);
        assertTrue(sms.endsWith("…"), sms);
        assertTrue(sms.contains("fenêtres"), sms);
    }

    @Test
    void extensionCharactersCountTwice() {
        assertEquals(4, SmsText.units("5 €", true));
        String text = "€".repeat(100);
        String sms = SmsText.shorten(text, 160, 70, true);
        assertTrue(SmsText.units(sms, true) <= 160, String.valueOf(SmsText.units(sms, true)));
        assertEquals(78, sms.length() - 3, "78 € of 2 septets, then ...");
    }

    @Test
    void surrogatePairsAreNeverSplit() {
        String text = "Alerte \uD83C\uDF0A".repeat(20);

        String sms = SmsText.shorten(text, 160, 70, true);

        assertTrue(sms.length() <= 70);
        String head = sms.substring(0, sms.length() - 1);
        assertFalse(Character.isHighSurrogate(head.charAt(head.length() - 1)), sms);
        assertEquals(head.codePointCount(0, head.length()) * 1, head.codePoints().count());
    }
}
