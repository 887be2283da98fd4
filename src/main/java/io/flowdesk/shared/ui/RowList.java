package io.flowdesk.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * A list of editor rows in a layout, each with its own remove button: add a value, remove row i, read all values.
 * Removing re-renders the rows from their values so ids ({@code <prefix>-<i>}) stay dense and in order.
 *
 * @param <V> what a row edits
 * @param <E> the row's editor component
 */
public final class RowList<V, E extends Component> extends VerticalLayout {

    /** Makes the editor of row {@code id} for {@code value} (null: a new, empty row); {@code remove} drops it. */
    public interface Factory<V, E> {
        E create(String id, V value, Runnable remove);
    }

    private final String prefix;
    private final Factory<V, E> factory;
    private final Function<E, V> read;
    private final List<E> editors = new ArrayList<>();

    public RowList(String prefix, Factory<V, E> factory, Function<E, V> read) {
        this.prefix = prefix;
        this.factory = factory;
        this.read = read;
        setPadding(false);
        setSpacing(false);
    }

    public List<V> values() {
        return editors.stream().map(read).toList();
    }

    public List<E> editors() {
        return Collections.unmodifiableList(editors);
    }

    public void append(V value) {
        List<V> all = new ArrayList<>(values());
        all.add(value);
        render(all);
    }

    public void render(List<V> all) {
        editors.clear();
        removeAll();
        for (int i = 0; i < all.size(); i++) {
            int at = i;
            E editor = factory.create(prefix + "-" + i, all.get(i), () -> {
                List<V> rest = new ArrayList<>(values());
                rest.remove(at);
                render(rest);
            });
            editors.add(editor);
            super.add(editor);
        }
    }
}
