package io.flowdesk.identity.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import java.util.Locale;

/** zh-CN / English switch; reloads the page in the chosen language. */
public class LanguageSwitch extends Select<Locale> {

    public LanguageSwitch() {
        setItems(UiSession.ZH, UiSession.EN);
        setItemLabelGenerator(locale -> locale == UiSession.EN ? "English" : "简体中文");
        setValue(UiSession.locale());
        setId("language");
        addClassName("fd-language");
        setAriaLabel("Language / 语言");
        addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                UiSession.setLocale(event.getValue());
                UI.getCurrent().getPage().reload();
            }
        });
    }
}
