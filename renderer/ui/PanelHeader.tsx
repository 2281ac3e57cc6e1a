// The head of a panel that lists what the server holds: its title and, while the list can be asked
// for, «Tải lại».
export function PanelHeader(props: { titleId: string; title: string; onReload?: () => void }) {
  return (
    <header>
      <h2 id={props.titleId}>{props.title}</h2>
      {props.onReload ? (
        <button type="button" className="secondary" onClick={props.onReload}>
          Tải lại
        </button>
      ) : null}
    </header>
  );
}
