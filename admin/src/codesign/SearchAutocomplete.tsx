import { Autocomplete, Box, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Option } from './designerApi';

/** Type to search; picking an option hands it over and clears the box for the next one. */
export function SearchAutocomplete({ label, search, onPick, exclude = [], disabled, name }: {
  label: string;
  name: string;
  search: (text: string) => Promise<Option[]>;
  onPick: (option: Option) => void;
  exclude?: readonly string[];
  disabled?: boolean;
}) {
  const [input, setInput] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(input.trim()), 250);
    return () => clearTimeout(timer);
  }, [input]);
  const results = useQuery({ queryKey: ['designerSearch', name, debounced], queryFn: () => search(debounced), staleTime: 30_000 });
  const options = (results.data ?? []).filter((option) => !exclude.includes(option.id));

  return (
    <Autocomplete<Option>
      size="small"
      options={options}
      value={null}
      inputValue={input}
      onInputChange={(_event, value, reason) => reason !== 'reset' && setInput(value)}
      onChange={(_event, option) => {
        if (!option) return;
        setInput('');
        onPick(option);
      }}
      filterOptions={(all) => all}
      loading={results.isFetching}
      disabled={disabled}
      getOptionLabel={(option) => option.label}
      isOptionEqualToValue={(option, value) => option.id === value.id}
      noOptionsText={debounced ? 'Nothing matches' : 'Type to search'}
      renderOption={({ key, ...props }, option) => (
        <Box component="li" key={key} {...props} sx={{ display: 'block !important' }}>
          <Typography variant="body2">{option.label}</Typography>
          {option.detail && (
            <Typography variant="caption" color="text.secondary">
              {option.detail}
            </Typography>
          )}
        </Box>
      )}
      renderInput={(params) => <TextField {...params} label={label} margin="none" />}
    />
  );
}
