package io.flowdesk.channels.mail;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeVisitor;

/** An HTML mail body: sanitised for showing (jsoup's relaxed safelist, no scripts, styles or handlers) and as text. */
public final class HtmlText {

    private static final java.util.Set<String> BLOCKS = java.util.Set.of("p", "div", "br", "li", "tr", "h1", "h2",
            "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "hr", "ul", "ol");

    private HtmlText() {
    }

    public static String sanitise(String html) {
        return Jsoup.clean(html, Safelist.relaxed());
    }

    /** The text a reader sees: block elements become line breaks; scripts, styles and the head are skipped. */
    public static String text(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("script, style, head, title").remove();
        StringBuilder out = new StringBuilder();
        doc.body().traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    out.append(t.text());
                } else if (node instanceof Element e && BLOCKS.contains(e.normalName()) && !out.isEmpty()
                        && out.charAt(out.length() - 1) != '\n') {
                    out.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName()) && !e.normalName().equals("br")) {
                    out.append('\n');
                }
            }
        });
        return out.toString().replace('\u00a0', ' ').replaceAll("[ \\t]+\n", "\n").replaceAll("\n{3,}", "\n\n")
                .strip();
    }
}
