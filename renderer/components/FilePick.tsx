// A file picker drawn as a button. The files are taken before the input is emptied, and it is
// emptied after every pick so that picking the same file again still counts as a pick.
interface Props {
  label: string;
  onFiles: (files: File[]) => void;
  accept?: string;
  multiple?: boolean;
  /** pick a whole folder (Chromium's webkitdirectory) */
  folder?: boolean;
}

export function FilePick({ label, onFiles, accept, multiple, folder }: Props) {
  return (
    <label className="btn file-pick">
      {label}
      <input
        type="file"
        accept={accept}
        multiple={multiple}
        {...(folder ? { webkitdirectory: '' } : {})}
        onChange={(e) => {
          onFiles([...(e.target.files ?? [])]);
          e.target.value = '';
        }}
      />
    </label>
  );
}
