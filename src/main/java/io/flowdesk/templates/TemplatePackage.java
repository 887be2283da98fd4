package io.flowdesk.templates;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A template as it sits in a {@code process-templates/<key>/} folder: metadata, BPMN and its forms.
 *
 * @param folder folder name, used in messages
 * @param metadata parsed template.json
 * @param bpmnXml the process.bpmn text
 * @param forms form key to schema, from forms/*.json
 */
public record TemplatePackage(String folder, JsonNode metadata, String bpmnXml, Map<String, JsonNode> forms) {

    public String key() {
        return metadata.path("key").asText(folder);
    }
}
