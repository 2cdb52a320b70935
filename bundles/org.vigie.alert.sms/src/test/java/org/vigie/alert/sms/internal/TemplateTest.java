package org.vigie.alert.sms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TemplateTest {

    private static final Map<String, String> VALUES = Map.of("to", "+33612345678",
            "text", "Crue à Orléans : \"4,35 m\" & plus\n{key}", "key", "k-1");

    @Test
    void urlValuesArePercentEncodedInUtf8() {
        assertEquals("https://gw/send?to=%2B33612345678&t=Crue%20%C3%A0%20Orl%C3%A9ans%20%3A%20%224%2C35%20m%22%20%26"
                        + "%20plus%0A%7Bkey%7D",
                new Template("https://gw/send?to={to}&t={text}", Template.Encoding.URL).render(VALUES));
    }

    @Test
    void jsonValuesAreEscapedInsideTheirString() {
        assertEquals("{\"to\":\"+33612345678\",\"text\":\"Crue à Orléans : \\\"4,35 m\\\" & plus\\n{key}\"}",
                new Template("{\"to\":\"{to}\",\"text\":\"{text}\"}", Template.Encoding.JSON).render(VALUES));
    }

    @Test
    void formValuesAreFormEncoded() {
        assertEquals("to=%2B33612345678&text=Crue+%C3%A0+Orl%C3%A9ans+%3A+%224%2C35+m%22+%26+plus%0A%7Bkey%7D",
                new Template("to={to}&text={text}", Template.Encoding.FORM).render(VALUES));
    }

    @Test
    void xmlValuesAreEscaped() {
        assertEquals("<sms to=\"+33612345678\">Crue à Orléans : &quot;4,35 m&quot; &amp; plus\n{key}</sms>",
                new Template("<sms to=\"{to}\">{text}</sms>", Template.Encoding.XML).render(VALUES));
    }

    @Test
    void valuesAreNotExpandedAgainAndUnknownNamesAreFound() {
        Template template = new Template("{\"a\":{\"b\":\"{text}\"},\"c\":\"{recipient}\"}", Template.Encoding.JSON);

        assertEquals(List.of("{recipient}"), template.unknown(Placeholders.ALL));
        assertEquals(true, template.render(VALUES).contains("\\n{key}"), "a value's braces stay as they are");
    }

    @Test
    void contentTypeChoosesTheBodyEncoding() {
        assertEquals(Template.Encoding.JSON, Template.Encoding.forContentType("application/json; charset=utf-8"));
        assertEquals(Template.Encoding.FORM,
                Template.Encoding.forContentType("application/x-www-form-urlencoded; charset=UTF-8"));
        assertEquals(Template.Encoding.XML, Template.Encoding.forContentType("text/xml"));
        assertEquals(Template.Encoding.RAW, Template.Encoding.forContentType("text/plain; charset=utf-8"));
    }
}
