package org.vigie.connector.sandre.internal;

import java.io.InputStream;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * StAX readers that never read a DTD nor resolve an external entity: a dropped file must not make Vigie read a
 * local file (XXE) or expand entities without bound ("billion laughs"). The parser additionally refuses any file
 * that has a DOCTYPE at all; Sandre files have none.
 */
final class SecureXml {

    private SecureXml() {
    }

    /**
     * @param in read in the encoding its XML declaration names (UTF-8 by default)
     */
    static XMLStreamReader reader(InputStream in) throws XMLStreamException {
        // the JDK's own implementation: never whichever StAX provider the framework's class loaders happen to see
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, Boolean.FALSE);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLInputFactory.IS_COALESCING, Boolean.TRUE);
        return factory.createXMLStreamReader(in);
    }
}
