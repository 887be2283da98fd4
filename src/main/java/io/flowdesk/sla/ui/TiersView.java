package io.flowdesk.sla.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Role;
import io.flowdesk.identity.ui.UiSession;
import io.flowdesk.shared.FieldError;
import io.flowdesk.shared.FlowDeskException;
import io.flowdesk.shared.InvalidInput;
import io.flowdesk.shared.ui.Ui;
import io.flowdesk.shell.MainLayout;
import io.flowdesk.sla.CustomerTiers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Admins and supervisors keep organisations (with their tier) and set a customer's tier or organisation. */
@Route(value = "admin/tiers", layout = MainLayout.class)
@PageTitle("FlowDesk")
public class TiersView extends VerticalLayout implements BeforeEnterObserver {

    private static final String NONE = "";

    private final CustomerTiers tiers;
    private final Grid<CustomerTiers.Organisation> grid = new Grid<>();
    private final TextField key = new TextField();
    private final TextField name = new TextField();
    private final Select<String> tier = new Select<>();
    private final TextField customer = new TextField();
    private final Select<String> customerTier = new Select<>();
    private final Select<String> customerOrg = new Select<>();
    private final Span effective = new Span();
    private CurrentUser user;

    public TiersView(CustomerTiers tiers) {
        this.tiers = tiers;
        addClassName("fd-tiers");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        user = UiSession.user().orElseThrow();
        removeAll();
        if (!user.has(Role.ADMIN) && !user.has(Role.SUPERVISOR)) {
            Span refused = new Span(getTranslation("slaview.tiers.notAllowed"));
            refused.setId("tiers-refused");
            add(refused);
            return;
        }
        grid.setId("org-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        if (grid.getColumns().isEmpty()) {
            grid.addColumn(CustomerTiers.Organisation::key).setHeader(getTranslation("sla.field.key"));
            grid.addColumn(CustomerTiers.Organisation::name).setHeader(getTranslation("sla.field.organisationName"));
            grid.addColumn(o -> tierLabel(o.tier())).setHeader(getTranslation("sla.field.tier"));
            grid.asSingleSelect().addValueChangeListener(e -> showOrg(e.getValue()));
        }
        field(key, "org-key", "sla.field.key");
        field(name, "org-name", "sla.field.organisationName");
        tierSelect(tier, "org-tier");
        Button save = new Button(getTranslation("common.save"), VaadinIcon.CHECK.create(), e -> saveOrg());
        save.setId("org-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button create = new Button(getTranslation("slaview.tiers.newOrg"), VaadinIcon.PLUS.create(),
                e -> showOrg(null));
        create.setId("org-new");
        Button delete = new Button(getTranslation("slaview.delete"), VaadinIcon.TRASH.create(), e -> deleteOrg());
        delete.setId("org-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        field(customer, "customer-username", "slaview.tiers.customer");
        Button lookUp = new Button(getTranslation("slaview.tiers.lookUp"), VaadinIcon.SEARCH.create(),
                e -> lookUp());
        lookUp.setId("customer-lookup");
        tierSelect(customerTier, "customer-tier");
        customerOrg.setId("customer-organisation");
        customerOrg.setLabel(getTranslation("slaview.tiers.organisation"));
        Button saveCustomer = new Button(getTranslation("common.save"), VaadinIcon.CHECK.create(),
                e -> saveCustomer());
        saveCustomer.setId("customer-save");
        effective.setId("customer-effective");
        Span intro = new Span(getTranslation("slaview.tiers.intro"));
        intro.addClassName("fd-hint");
        add(new H2(getTranslation("slaview.tiers.title")), intro, grid,
                PolicyForm.row(key, name, tier, save, create, delete),
                new H3(getTranslation("slaview.tiers.customers")),
                PolicyForm.row(customer, lookUp, customerTier, customerOrg, saveCustomer), effective);
        reload(null);
    }

    private void reload(String select) {
        List<CustomerTiers.Organisation> all = Ui.await(tiers::organisations);
        grid.setItems(all);
        List<String> orgs = new ArrayList<>(List.of(NONE));
        all.forEach(o -> orgs.add(o.key()));
        customerOrg.setItems(orgs);
        customerOrg.setItemLabelGenerator(k -> NONE.equals(k) ? getTranslation("slaview.tiers.noOrganisation")
                : all.stream().filter(o -> o.key().equals(k)).map(o -> o.name() + " (" + k + ")").findFirst()
                        .orElse(k));
        all.stream().filter(o -> o.key().equals(select)).findFirst().ifPresentOrElse(grid::select,
                () -> showOrg(null));
    }

    private void showOrg(CustomerTiers.Organisation org) {
        key.setValue(org == null ? "" : org.key());
        key.setReadOnly(org != null);
        name.setValue(org == null ? "" : org.name());
        tier.setValue(org == null ? CustomerTiers.tiers().get(0) : org.tier());
        List.of(key, name).forEach(f -> f.setInvalid(false));
    }

    private void saveOrg() {
        String k = key.getValue().strip();
        if (attempt(() -> tiers.putOrganisation(user, new CustomerTiers.Organisation(k, name.getValue(),
                tier.getValue())), Map.of("/key", key, "/name", name, "/tier", tier))) {
            Ui.success(getTranslation("slaview.tiers.saved", k));
            reload(k);
        }
    }

    private void deleteOrg() {
        CustomerTiers.Organisation org = grid.asSingleSelect().getValue();
        if (org != null && attempt(() -> tiers.deleteOrganisation(user, org.key()), Map.of())) {
            Ui.success(getTranslation("slaview.tiers.deleted", org.key()));
            reload(null);
        }
    }

    private void lookUp() {
        try {
            show(Ui.await(() -> tiers.get(customer.getValue().strip())));
        } catch (FlowDeskException e) {
            effective.setText("");
            Ui.error(Ui.text(e.text()));
        }
    }

    private void saveCustomer() {
        String username = customer.getValue().strip();
        String org = customerOrg.getValue();
        CustomerTiers.CustomerTier[] result = new CustomerTiers.CustomerTier[1];
        if (attempt(() -> tiers.set(user, username, customerTier.getValue(), org == null ? null : org)
                .invoke(t -> result[0] = t), Map.of("/tier", customerTier, "/organisation", customerOrg))) {
            show(result[0]);
            Ui.success(getTranslation("slaview.tiers.customerSaved", username));
        }
    }

    private void show(CustomerTiers.CustomerTier t) {
        customerTier.setValue(t.tier());
        customerOrg.setValue(t.organisation() == null ? NONE : t.organisation());
        effective.setText(getTranslation("slaview.tiers.effective", tierLabel(t.effectiveTier())));
    }

    /** Runs a write; a problem goes on its field (by pointer) or into a toast. */
    private boolean attempt(Supplier<io.smallrye.mutiny.Uni<?>> call, Map<String, HasValidation> fields) {
        try {
            Ui.await(() -> call.get().replaceWith(Boolean.TRUE));
            return true;
        } catch (InvalidInput e) {
            for (FieldError err : e.errors()) {
                HasValidation f = fields.get(err.pointer());
                if (f != null) {
                    f.setInvalid(true);
                    f.setErrorMessage(Ui.text(err.text()));
                }
            }
            Ui.error(e.errors().isEmpty() ? Ui.text(e.text()) : Ui.text(e.errors().get(0).text()));
        } catch (FlowDeskException e) {
            Ui.error(Ui.text(e.text()));
        }
        return false;
    }

    private void tierSelect(Select<String> select, String id) {
        select.setId(id);
        select.setLabel(getTranslation("sla.field.tier"));
        select.setItems(CustomerTiers.tiers());
        select.setItemLabelGenerator(this::tierLabel);
    }

    private String tierLabel(String t) {
        return t == null ? "" : getTranslation("slaview.tier." + t);
    }

    private void field(TextField f, String id, String labelKey) {
        f.setId(id);
        f.setLabel(getTranslation(labelKey));
    }
}
